using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Core.Checks;
using AiGovernance.Data.Checks;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Suppliers;

/// <summary>
/// The supplier master's VAT id and IBAN: what a requisition's stated supplier details are compared with. A
/// changed IBAN in the master is itself how payment fraud starts, so every change is logged (IBAN masked).
/// </summary>
public static partial class SuppliersApi
{
    /// <summary>Who sees a supplier's IBAN in full; everyone else sees it masked.</summary>
    private static readonly string[] BankDataReaders = [Roles.ProcurementOps, Roles.Admin, Roles.Compliance, Roles.Erp];

    public sealed record IdentifiersRequest(string? VatId, string? Iban);

    public sealed record IdentifiersResponse(string SupplierId, string? VatId, string? Iban);

    /// <summary>Sets both identifiers (null or empty clears one); each is validated like stated supplier details.</summary>
    public static async Task<Ok<IdentifiersResponse>> SetIdentifiers(string id, IdentifiersRequest request, HttpContext http, TenantDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Editors);
        var vat = string.IsNullOrWhiteSpace(request.VatId) ? null : request.VatId;
        var iban = string.IsNullOrWhiteSpace(request.Iban) ? null : request.Iban;
        var errors = new FieldErrors();
        if (vat is not null && (vat.Length > 40 || !SupplierMasterIdentifiers.IsValidVatId(vat)))
            errors.Add("vat_id", "must be a VAT id: a 2-letter country prefix and 2-13 letters or digits, e.g. DE123456789 (or null to clear it)");
        if (iban is not null && (iban.Length > 50 || !SupplierMasterIdentifiers.IsValidIban(iban)))
            errors.Add("iban", "must be an IBAN with a valid ISO 13616 check (mod 97), e.g. DE89 3704 0044 0532 0130 00 (or null to clear it)");
        errors.ThrowIfAny();
        var next = new SupplierIdentifiers.Identifiers(vat is null ? null : SupplierMasterIdentifiers.Compact(vat),
            iban is null ? null : SupplierMasterIdentifiers.Compact(iban));

        await using var scope = await db.BeginAsync(caller, ct);
        _ = await SupplierStore.GetAsync(scope, id, forUpdate: true, ct) ?? throw NotFound(id);
        var before = await SupplierIdentifiers.GetMasterAsync(scope, id, ct);
        await SupplierIdentifiers.SetAsync(scope, id, next, clock.GetUtcNow(), ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.SupplierIdentifiersChanged, caller.UserId, "supplier", id,
            new
            {
                supplier_id = id,
                vat_id_before = before?.VatId,
                vat_id_after = next.VatId,
                iban_before = Masked(before?.Iban),
                iban_after = Masked(next.Iban),
                iban_changed = before?.Iban != next.Iban,
            }), clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(new IdentifiersResponse(id, next.VatId, next.Iban));
    }

    private static string? Masked(string? iban) => iban is null ? null : SupplierMasterIdentifiers.MaskIban(iban);

    private static SupplierIdentifiers.Identifiers ForCaller(SupplierIdentifiers.Identifiers? ids, Caller caller) =>
        ids is null ? new(null, null)
        : caller.IsInAnyRole(BankDataReaders) ? ids
        : ids with { Iban = Masked(ids.Iban) };
}
