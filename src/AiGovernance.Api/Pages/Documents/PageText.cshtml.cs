using AiGovernance.Api.Features.Documents;
using AiGovernance.Api.Features.Requisitions;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;
using AiGovernance.Data.Documents;
using AiGovernance.Data.Requisitions;

namespace AiGovernance.Api.Pages.Documents;

/// <summary>
/// The stored text of one page of a document: where each summary sentence and extracted field leads, so a
/// reviewer checks the AI against the source. Same roles and page rules as GET /api/documents/{id}/pages/{n}.
/// </summary>
public sealed class PageTextModel(TenantDb db) : WorkspacePage
{
    public StoredDocument Document { get; private set; } = null!;
    public string? RequisitionNumber { get; private set; }
    public int PageNumber { get; private set; }
    public string Text { get; private set; } = "";

    public async Task OnGetAsync(Guid id, int n, CancellationToken ct)
    {
        var me = RequireRole(DocumentsApi.Readers);
        await using var scope = await db.BeginAsync(me, ct);
        (Document, Text) = await DocumentPages.ReadAsync(scope, id, n, ct);
        PageNumber = n;
        if (Document.RequisitionId is { } requisitionId && await RequisitionStore.GetAsync(scope, requisitionId, ct) is { } stored)
        {
            RequisitionAccess.RequireOwnUnlessStaff(me, stored.Requisition);
            RequisitionNumber = stored.Requisition.Number;
        }
    }
}
