using AiGovernance.Core;
using AiGovernance.Core.Checks;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Checks;

/// <summary>The result of a master-data change, echoed as the webhook or API result.</summary>
/// <param name="Status">"applied", or "stale_version" when a newer (or the same) version was already stored.</param>
/// <param name="Requisitions">Held requisitions re-checked because of the change.</param>
public sealed record MasterDataChangeResult(string Status, string Subject, long Version, long StoredVersion, IReadOnlyList<RecheckResult> Requisitions);

/// <summary>
/// Master-data changes announced by the ERP (supplier.status_changed, budget.updated) or made by
/// procurement through the API. Versions resolve out-of-order delivery: a change whose version is not
/// newer than the stored one is ignored. Requisitions waiting for the changed data are re-checked in the
/// same transaction, so a release commits together with the change that caused it.
/// </summary>
public static class ErpMasterDataEvents
{
    public static async Task<object> ApplySupplierStatusAsync(TenantScope scope, string supplierId, string status, string? reason,
        long version, string actor, TimeProvider clock, CancellationToken ct) =>
        await SetSupplierStatusAsync(scope, supplierId, status, reason, version, actor, clock, ct);

    /// <summary>With <paramref name="version"/> null (a change made in this service) the stored version + 1 is used.</summary>
    public static async Task<MasterDataChangeResult> SetSupplierStatusAsync(TenantScope scope, string supplierId, string status, string? reason,
        long? version, string actor, TimeProvider clock, CancellationToken ct)
    {
        if (!SupplierStatuses.All.Contains(status, StringComparer.Ordinal))
            throw ValidationFailedException.Single("status", $"must be one of {string.Join(", ", SupplierStatuses.All)}");
        var supplier = await SupplierStore.GetAsync(scope, supplierId, forUpdate: true, ct)
            ?? throw DomainException.Unprocessable("unknown_supplier", $"Supplier '{supplierId}' is not in this tenant's supplier master.");
        var subject = $"supplier {supplierId}";
        var newVersion = version ?? supplier.StatusVersion + 1;
        if (newVersion <= supplier.StatusVersion)
            return new MasterDataChangeResult("stale_version", subject, newVersion, supplier.StatusVersion, []);

        var now = clock.GetUtcNow();
        var trimmedReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        await SupplierStore.SetStatusAsync(scope, supplierId, status, trimmedReason, newVersion, now, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.SupplierStatusChanged, actor, "supplier", supplierId, new
        {
            supplier_id = supplierId,
            status_before = supplier.Status,
            status_after = status,
            reason = trimmedReason,
            version = newVersion,
            previous_version = supplier.StatusVersion,
        }), clock, ct);
        var held = await RequisitionHoldStore.HeldForSupplierAsync(scope, supplierId, ct);
        var rechecked = await PreApprovalGate.RecheckAsync(scope, held, actor, "supplier_status_changed", clock, ct);
        return new MasterDataChangeResult("applied", subject, newVersion, newVersion, rechecked);
    }

    public static async Task<object> ApplyBudgetAsync(TenantScope scope, string costCentre, string period, decimal amount,
        decimal? committed, string currency, DateTimeOffset snapshotAt, long version, string actor, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(period) || period.Length > 20) errors.Add("period", "is required (budgets are yearly, e.g. 2026)");
        if (!CurrencyCode.IsValid(currency)) errors.Add("currency", "must be an ISO 4217 code such as EUR");
        if (amount < 0) errors.Add("amount", "must not be negative");
        if (committed < 0) errors.Add("committed", "must not be negative");
        if (version < 1) errors.Add("version", "must be 1 or more");
        errors.ThrowIfAny();
        if (!await BudgetStore.CostCentreExistsAsync(scope, costCentre, ct))
            throw DomainException.Unprocessable("unknown_cost_centre", $"Cost centre '{costCentre}' is not in this tenant's master data.");

        var now = clock.GetUtcNow();
        var subject = $"budget {costCentre} {period}";
        var before = await BudgetStore.GetAsync(scope, costCentre, period, forUpdate: true, ct);
        var applied = await BudgetStore.ApplySnapshotAsync(scope, costCentre, period, amount, committed, currency!, snapshotAt, version, now, ct);
        if (applied is null)
            return new MasterDataChangeResult("stale_version", subject, version, before?.Version ?? 0, []);

        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.BudgetUpdated, actor, "budget", $"{costCentre}/{period}", new
        {
            cost_centre = costCentre,
            period,
            applied.Amount,
            applied.Committed,
            applied.Currency,
            snapshot_at = applied.SnapshotAt,
            version,
            previous = before is null ? null : new { before.Amount, before.Committed, before.Currency, snapshot_at = before.SnapshotAt, before.Version },
        }), clock, ct);
        var held = await RequisitionHoldStore.HeldForBudgetAsync(scope, costCentre, period, now, ct);
        var rechecked = await PreApprovalGate.RecheckAsync(scope, held, actor, "budget_updated", clock, ct);
        return new MasterDataChangeResult("applied", subject, version, version, rechecked);
    }
}
