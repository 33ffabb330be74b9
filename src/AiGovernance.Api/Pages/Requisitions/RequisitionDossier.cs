using AiGovernance.Api.Features.DecisionLog;
using AiGovernance.Api.Features.Documents;
using AiGovernance.Api.Features.Recommendations;
using AiGovernance.Api.Features.Requisitions;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Recommendations;
using AiGovernance.Data;
using AiGovernance.Data.Approvals;
using AiGovernance.Data.Checks;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Documents;
using AiGovernance.Data.Recommendations;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Reviewing;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Api.Pages.Requisitions;

/// <summary>The routing record as stored with the requisition (Data/Requisitions/RequisitionRouting), the parts a reviewer reads.</summary>
public sealed record RoutingShown(int PolicyVersion, string PolicyName, bool AutoApproved, string Explanation, IReadOnlyList<MatchedRule> MatchedRules,
    IReadOnlyList<string>? Notes);

/// <summary>
/// Everything the requisition page shows, read in one tenant transaction with a fixed number of queries
/// (no query per document, recommendation or step). Sections the caller's roles may not read through the
/// API (recommendations, decision log, documents) are null, and the page says so.
/// </summary>
public sealed record RequisitionDossier(
    StoredRequisition Stored,
    RequisitionView View,
    RoutingShown Routing,
    SupplierRecord? Supplier,
    IReadOnlyList<DocumentEvidence>? Documents,
    DetectionFindings Detections,
    IReadOnlyList<ComparedField>? DuplicateSideBySide,
    IReadOnlyList<Recommendation>? Recommendations,
    QueueEntry? MyStep,
    IReadOnlyList<ApprovalDecisionRecord> Decisions,
    IReadOnlyList<HistoryLogLine>? Log)
{
    public const int LogLines = 30;

    public static async Task<RequisitionDossier> LoadAsync(TenantScope scope, Caller me, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        // Another tenant's requisition is invisible under row-level security: not found, as in the API.
        var stored = await RequisitionStore.GetAsync(scope, id, ct)
            ?? throw DomainException.NotFound("requisition_not_found", $"Requisition {id} was not found.");
        var r = stored.Requisition;
        RequisitionAccess.RequireOwnUnlessStaff(me, r);

        var supplier = await SupplierStore.GetAsync(scope, r.SupplierId, forUpdate: false, ct);
        var documents = me.IsInAnyRole(DocumentsApi.Readers)
            ? (await DocumentStore.ListAsync(scope, DocumentSubjects.Requisition, id.ToString(), ct)).Select(DocumentEvidence.From).ToList()
            : null;
        var detections = DetectionFindings.From(await DetectionResults.ListAsync(scope, id, ct));
        var recommendations = me.IsInAnyRole(RecommendationsApi.Readers)
            ? await RecommendationStore.ListAsync(scope, null, null, id.ToString(), 200, ct)
            : null;
        var log = me.IsInAnyRole(DecisionLogApi.Readers)
            ? await RequisitionHistory.LogAsync(scope, r.Number, recommendations?.Select(x => x.Id).ToList() ?? [], LogLines, ct)
            : null;

        return new RequisitionDossier(stored, RequisitionView.From(stored), Json.Deserialize<RoutingShown>(stored.RoutingJson), supplier, documents,
            detections, await SideBySideAsync(scope, stored, supplier, detections.Duplicate, ct), recommendations,
            await ApprovalQueue.EntryForAsync(scope, me.AsActor(), stored, now, ct), await RequisitionHistory.DecisionsAsync(scope, id, ct), log);
    }

    /// <summary>The flagged requisition beside the earlier one the duplicate model named (its details carry the candidate's id).</summary>
    private static async Task<IReadOnlyList<ComparedField>?> SideBySideAsync(TenantScope scope, StoredRequisition stored, SupplierRecord? supplier,
        DuplicateFinding? duplicate, CancellationToken ct)
    {
        if (duplicate?.Best?.RequisitionId is not { } otherId || await RequisitionStore.GetAsync(scope, otherId, ct) is not { } other) return null;
        var r = stored.Requisition;
        var otherSupplier = other.Requisition.SupplierId == r.SupplierId ? supplier
            : await SupplierStore.GetAsync(scope, other.Requisition.SupplierId, forUpdate: false, ct);
        return DuplicateComparison.Compare(new ComparedRequisition(r, supplier?.Name ?? r.SupplierId, stored.CreatedAt),
            new ComparedRequisition(other.Requisition, otherSupplier?.Name ?? other.Requisition.SupplierId, other.CreatedAt));
    }

    public IEnumerable<Recommendation> Pending => Recommendations?.Where(x => x.Status == RecommendationStatus.Pending) ?? [];
    public IEnumerable<Recommendation> Decided => Recommendations?.Where(x => x.Status != RecommendationStatus.Pending) ?? [];

    /// <summary>Findings of the document cross-check, pending or decided: a flag with its reason either way.</summary>
    public IEnumerable<Recommendation> CrossChecks => Recommendations?.Where(x => x.Producer.Name == AiGovernance.Worker.Documents.DocumentCrossChecks.Producer) ?? [];

    public Guid? DuplicateOfId => Detections.Duplicate?.Best?.RequisitionId;
}
