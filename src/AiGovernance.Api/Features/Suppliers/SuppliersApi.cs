using System.Text.RegularExpressions;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Core.Checks;
using AiGovernance.Data.Checks;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Suppliers;

/// <summary>The supplier master: status and compliance documents, which the checks before approval read.</summary>
public static partial class SuppliersApi
{
    private static readonly string[] Readers =
        [Roles.Requester, Roles.Approver, Roles.ProcurementOps, Roles.Reviewer, Roles.Compliance, Roles.Admin, Roles.Erp];
    private static readonly string[] Editors = [Roles.ProcurementOps, Roles.Admin];

    public static RouteGroupBuilder MapSuppliersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/suppliers").WithTags("Suppliers");
        g.MapGet("/", List).WithName("ListSuppliers");
        g.MapGet("/{id}", Get).WithName("GetSupplier").ProducesProblem(404);
        g.MapPut("/{id}/status", SetStatus).WithName("SetSupplierStatus").ProducesProblem(404).ProducesProblem(422);
        g.MapPut("/{id}/identifiers", SetIdentifiers).WithName("SetSupplierIdentifiers").ProducesProblem(404).ProducesValidationProblem();
        g.MapPut("/{id}/contact", SetContact).WithName("SetSupplierContact").ProducesProblem(404).ProducesValidationProblem();
        g.MapPut("/{id}/documents/{kind}", PutDocument).WithName("PutSupplierDocument").ProducesProblem(404).ProducesProblem(422);
        return g;
    }

    public static async Task<Ok<IReadOnlyList<SupplierView>>> List(string? status, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        if (status is not null && !SupplierStatuses.All.Contains(status, StringComparer.Ordinal))
            throw ValidationFailedException.Single("status", $"must be one of {string.Join(", ", SupplierStatuses.All)}");
        await using var scope = await db.BeginAsync(caller, ct);
        var today = Today(clock);
        var ids = await SupplierIdentifiers.AllAsync(scope, ct);
        return TypedResults.Ok<IReadOnlyList<SupplierView>>((await SupplierStore.ListAsync(scope, status, ct))
            .Select(s => SupplierView.From(s, today, [], ForCaller(ids.GetValueOrDefault(s.Id), caller))).ToList());
    }

    public static async Task<Ok<SupplierView>> Get(string id, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        await using var scope = await db.BeginAsync(caller, ct);
        var supplier = await SupplierStore.GetAsync(scope, id, forUpdate: false, ct) ?? throw NotFound(id);
        return TypedResults.Ok(SupplierView.From(supplier, Today(clock), await RequisitionHoldStore.OnHoldForSupplierAsync(scope, id, ct),
            ForCaller(await IdentifiersAsync(scope, id, ct), caller)));
    }

    public sealed record StatusRequest(string? Status, string? Reason);

    public sealed record StatusResponse(SupplierView Supplier, MasterDataChangeResult Result);

    /// <summary>Same effect as the ERP's supplier.status_changed webhook; the version is the stored one + 1.</summary>
    public static async Task<Ok<StatusResponse>> SetStatus(string id, StatusRequest request, HttpContext http, TenantDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Editors);
        var errors = new FieldErrors();
        if (request.Status is null || !SupplierStatuses.All.Contains(request.Status, StringComparer.Ordinal))
            errors.Add("status", $"must be one of {string.Join(", ", SupplierStatuses.All)}");
        else if (request.Status != SupplierStatuses.Active && string.IsNullOrWhiteSpace(request.Reason))
            errors.Add("reason", "say why the supplier is not active; requesters and the ERP see it");
        if (request.Reason is { Length: > 1000 }) errors.Add("reason", "must be at most 1000 characters");
        errors.ThrowIfAny();

        await using var scope = await db.BeginAsync(caller, ct);
        _ = await SupplierStore.GetAsync(scope, id, forUpdate: false, ct) ?? throw NotFound(id);
        var result = await ErpMasterDataEvents.SetSupplierStatusAsync(scope, id, request.Status!, request.Reason, null, caller.UserId, clock, ct);
        var supplier = (await SupplierStore.GetAsync(scope, id, forUpdate: false, ct))!;
        var held = await RequisitionHoldStore.OnHoldForSupplierAsync(scope, id, ct);
        var identifiers = ForCaller(await IdentifiersAsync(scope, id, ct), caller);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(new StatusResponse(SupplierView.From(supplier, Today(clock), held, identifiers), result));
    }

    public sealed record DocumentRequest(string? Reference, DateOnly? ExpiresOn);

    /// <summary>Records a compliance document; a renewed document re-checks the supplier's held requisitions.</summary>
    public static async Task<Ok<StatusResponse>> PutDocument(string id, string kind, DocumentRequest request, HttpContext http, TenantDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Editors);
        var errors = new FieldErrors();
        if (!DocumentKind().IsMatch(kind)) errors.Add("kind", "must be 1-64 lower-case letters, digits, '-' or '_' (e.g. gdp_certificate)");
        if (request.Reference is { Length: > 200 }) errors.Add("reference", "must be at most 200 characters");
        errors.ThrowIfAny();

        await using var scope = await db.BeginAsync(caller, ct);
        _ = await SupplierStore.GetAsync(scope, id, forUpdate: true, ct) ?? throw NotFound(id);
        var now = clock.GetUtcNow();
        var reference = string.IsNullOrWhiteSpace(request.Reference) ? null : request.Reference.Trim();
        await SupplierStore.UpsertDocumentAsync(scope, id, new SupplierDocument(kind, reference, request.ExpiresOn), now, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.SupplierDocumentUpdated, caller.UserId, "supplier", id,
            new { supplier_id = id, kind, reference, expires_on = request.ExpiresOn }), clock, ct);
        var rechecked = await PreApprovalGate.RecheckAsync(scope, await RequisitionHoldStore.HeldForSupplierAsync(scope, id, ct), caller.UserId,
            "supplier_document_updated", clock, ct);
        var supplier = (await SupplierStore.GetAsync(scope, id, forUpdate: false, ct))!;
        var held = await RequisitionHoldStore.OnHoldForSupplierAsync(scope, id, ct);
        var identifiers = ForCaller(await IdentifiersAsync(scope, id, ct), caller);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(new StatusResponse(SupplierView.From(supplier, Today(clock), held, identifiers),
            new MasterDataChangeResult("applied", $"supplier {id} document {kind}", supplier.StatusVersion, supplier.StatusVersion, rechecked)));
    }

    private static async Task<SupplierIdentifiers.Identifiers?> IdentifiersAsync(Data.Tenancy.TenantScope scope, string id, CancellationToken ct) =>
        await SupplierIdentifiers.GetMasterAsync(scope, id, ct) is { } m ? new(m.VatId, m.Iban) : null;

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static DomainException NotFound(string id) => DomainException.NotFound("supplier_not_found", $"Supplier '{id}' was not found.");

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex DocumentKind();
}

/// <summary>A supplier; <see cref="Iban"/> is masked unless the caller may see bank data (procurement_ops, admin, compliance, erp).</summary>
public sealed record SupplierView(string Id, string Name, string RiskTier, string Status, string? StatusReason, long StatusVersion,
    DateTimeOffset UpdatedAt, IReadOnlyList<DocumentView> Documents, IReadOnlyList<HeldRequisition> HeldRequisitions, string? VatId, string? Iban)
{
    public static SupplierView From(SupplierRecord s, DateOnly today, IReadOnlyList<HeldRequisition> held, SupplierIdentifiers.Identifiers identifiers) =>
        new(s.Id, s.Name, s.RiskTier, s.Status, s.StatusReason, s.StatusVersion, s.UpdatedAt,
            s.Documents.Select(d => new DocumentView(d.Kind, d.Reference, d.ExpiresOn, d.ExpiresOn is { } e && e < today)).ToList(), held,
            identifiers.VatId, identifiers.Iban);
}

public sealed record DocumentView(string Kind, string? Reference, DateOnly? ExpiresOn, bool Expired);
