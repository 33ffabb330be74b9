using AiGovernance.Api.Features.Requisitions;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Data.Checks;
using AiGovernance.Data.Documents;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;
using AiGovernance.Worker.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AiGovernance.Api.Features.Documents;

/// <summary>
/// Supplier documents (PDF) on requisitions and suppliers. An upload is stored with its SHA-256 and read
/// by the worker; the same file on the same subject again is the same document (200 instead of 201).
/// </summary>
public static class DocumentsApi
{
    public static readonly string[] Readers =
        [Roles.Requester, Roles.Approver, Roles.ProcurementOps, Roles.Reviewer, Roles.Compliance, Roles.Admin, Roles.Erp, Roles.Agent];
    private static readonly string[] RequisitionUploaders = [Roles.Requester, Roles.Approver, Roles.ProcurementOps, Roles.Reviewer, Roles.Admin, Roles.Erp];
    private static readonly string[] SupplierUploaders = [Roles.ProcurementOps, Roles.Admin, Roles.Erp];

    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/requisitions/{id:guid}/documents", UploadToRequisition).WithTags("Documents").WithName("UploadRequisitionDocument")
            .Accepts<IFormFile>("multipart/form-data").ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesValidationProblem();
        api.MapGet("/requisitions/{id:guid}/documents", ListForRequisition).WithTags("Documents").WithName("ListRequisitionDocuments").ProducesProblem(404);
        api.MapPost("/suppliers/{id}/documents", UploadToSupplier).WithTags("Documents").WithName("UploadSupplierDocument")
            .Accepts<IFormFile>("multipart/form-data").ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesValidationProblem();
        api.MapGet("/suppliers/{id}/documents", ListForSupplier).WithTags("Documents").WithName("ListSupplierDocuments").ProducesProblem(404);
        var g = api.MapGroup("/documents").WithTags("Documents");
        g.MapGet("/{id:guid}", Get).WithName("GetDocument").ProducesProblem(404);
        g.MapGet("/{id:guid}/content", Content).WithName("GetDocumentContent").ProducesProblem(404);
        g.MapGet("/{id:guid}/pages/{page:int}", Page).WithName("GetDocumentPage").ProducesProblem(404);
        return api;
    }

    public static async Task<Results<Created<DocumentView>, Ok<DocumentView>>> UploadToRequisition(Guid id, HttpContext http, TenantDb db,
        IOptions<DocumentOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, RequisitionUploaders);
        var upload = await DocumentUpload.ReadAsync(http, options.Value, ct);
        await using var scope = await db.BeginAsync(caller, ct);
        var stored = await RequisitionStore.GetAsync(scope, id, ct) ?? throw RequisitionNotFound(id);
        RequisitionAccess.RequireOwnUnlessStaff(caller, stored.Requisition);
        var doc = new NewDocument(DocumentSubjects.Requisition, id.ToString(), id, stored.Requisition.SupplierId, upload.FileName, upload.Content,
            upload.Sha256, caller.UserId);
        return await AddAsync(scope, doc, clock, ct);
    }

    public static async Task<Results<Created<DocumentView>, Ok<DocumentView>>> UploadToSupplier(string id, HttpContext http, TenantDb db,
        IOptions<DocumentOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, SupplierUploaders);
        var upload = await DocumentUpload.ReadAsync(http, options.Value, ct);
        await using var scope = await db.BeginAsync(caller, ct);
        _ = await SupplierStore.GetAsync(scope, id, forUpdate: false, ct) ?? throw SupplierNotFound(id);
        var doc = new NewDocument(DocumentSubjects.Supplier, id, null, id, upload.FileName, upload.Content, upload.Sha256, caller.UserId);
        return await AddAsync(scope, doc, clock, ct);
    }

    private static async Task<Results<Created<DocumentView>, Ok<DocumentView>>> AddAsync(TenantScope scope, NewDocument doc, TimeProvider clock,
        CancellationToken ct)
    {
        var (stored, created) = await DocumentStore.AddAsync(scope, doc, clock, ct);
        var view = DocumentView.From(stored, await DocumentStore.SameFileElsewhereAsync(scope, stored, ct));
        await scope.CommitAsync(ct);
        return created ? TypedResults.Created($"/api/documents/{stored.Id}", view) : TypedResults.Ok(view);
    }

    public static async Task<Ok<IReadOnlyList<DocumentView>>> ListForRequisition(Guid id, HttpContext http, TenantDb db, CancellationToken ct)
    {
        await using var scope = await db.BeginAsync(Caller.RequireAny(http, Readers), ct);
        _ = await RequisitionStore.GetAsync(scope, id, ct) ?? throw RequisitionNotFound(id);
        return TypedResults.Ok(await ViewsAsync(scope, await DocumentStore.ListAsync(scope, DocumentSubjects.Requisition, id.ToString(), ct), ct));
    }

    public static async Task<Ok<IReadOnlyList<DocumentView>>> ListForSupplier(string id, HttpContext http, TenantDb db, CancellationToken ct)
    {
        await using var scope = await db.BeginAsync(Caller.RequireAny(http, Readers), ct);
        _ = await SupplierStore.GetAsync(scope, id, forUpdate: false, ct) ?? throw SupplierNotFound(id);
        return TypedResults.Ok(await ViewsAsync(scope, await DocumentStore.ListAsync(scope, DocumentSubjects.Supplier, id, ct), ct));
    }

    public static async Task<Ok<DocumentView>> Get(Guid id, HttpContext http, TenantDb db, CancellationToken ct)
    {
        await using var scope = await db.BeginAsync(Caller.RequireAny(http, Readers), ct);
        var doc = await DocumentStore.GetAsync(scope, id, ct) ?? throw DocumentNotFound(id);
        return TypedResults.Ok(DocumentView.From(doc, await DocumentStore.SameFileElsewhereAsync(scope, doc, ct)));
    }

    public static async Task<FileContentHttpResult> Content(Guid id, HttpContext http, TenantDb db, CancellationToken ct)
    {
        await using var scope = await db.BeginAsync(Caller.RequireAny(http, Readers), ct);
        var doc = await DocumentStore.GetAsync(scope, id, ct) ?? throw DocumentNotFound(id);
        var bytes = await DocumentStore.ContentAsync(scope, id, ct) ?? throw DocumentNotFound(id);
        return TypedResults.File(bytes, "application/pdf", doc.FileName);
    }

    public static async Task<Ok<PageView>> Page(Guid id, int page, HttpContext http, TenantDb db, CancellationToken ct)
    {
        await using var scope = await db.BeginAsync(Caller.RequireAny(http, Readers), ct);
        var (_, text) = await DocumentPages.ReadAsync(scope, id, page, ct);
        return TypedResults.Ok(new PageView(id, page, text));
    }

    private static async Task<IReadOnlyList<DocumentView>> ViewsAsync(TenantScope scope, IReadOnlyList<StoredDocument> docs, CancellationToken ct)
    {
        var views = new List<DocumentView>(docs.Count);
        foreach (var d in docs) views.Add(DocumentView.From(d, await DocumentStore.SameFileElsewhereAsync(scope, d, ct)));
        return views;
    }

    private static DomainException RequisitionNotFound(Guid id) => DomainException.NotFound("requisition_not_found", $"Requisition {id} was not found.");
    private static DomainException SupplierNotFound(string id) => DomainException.NotFound("supplier_not_found", $"Supplier '{id}' was not found.");
    private static DomainException DocumentNotFound(Guid id) => DomainException.NotFound("document_not_found", $"Document {id} was not found.");
}
