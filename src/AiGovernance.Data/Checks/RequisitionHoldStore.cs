using AiGovernance.Core.Checks;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Checks;

/// <summary>Finds the held requisitions that a change of master data may release.</summary>
public static class RequisitionHoldStore
{
    /// <summary>On-hold requisitions of a supplier that a supplier check holds.</summary>
    public static Task<IReadOnlyList<Guid>> HeldForSupplierAsync(TenantScope scope, string supplierId, CancellationToken ct) =>
        IdsAsync(scope, """
            SELECT id FROM requisitions
            WHERE status = 'on_hold' AND supplier_id = $1
              AND EXISTS (SELECT 1 FROM jsonb_array_elements(hold_reasons) h WHERE h->>'code' LIKE 'supplier\_%')
            ORDER BY created_at
            """, supplierId, ct);

    /// <summary>On-hold requisitions of a cost centre and budget period waiting for a fresh budget snapshot.</summary>
    public static async Task<IReadOnlyList<Guid>> HeldForBudgetAsync(TenantScope scope, string costCentre, string period, DateTimeOffset now,
        CancellationToken ct)
    {
        // The period rule of BudgetPeriod.For, in SQL: the needed-by year, else the current year.
        await using var cmd = scope.Command("""
            SELECT id FROM requisitions
            WHERE status = 'on_hold' AND cost_centre = $1 AND hold_reasons @> '[{"code": "budget_snapshot_stale"}]'
              AND coalesce(extract(year FROM needed_by)::int, $3) = $2
            ORDER BY created_at
            """);
        cmd.Parameters.AddWithValue(costCentre);
        cmd.Parameters.AddWithValue(int.TryParse(period, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : -1);
        cmd.Parameters.AddWithValue(now.UtcDateTime.Year);
        var ids = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
        return ids;
    }

    /// <summary>Every requisition of a supplier that is on hold, with its reasons (for the supplier view).</summary>
    public static async Task<IReadOnlyList<HeldRequisition>> OnHoldForSupplierAsync(TenantScope scope, string supplierId, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT id, number, hold_reasons::text FROM requisitions WHERE status = 'on_hold' AND supplier_id = $1 ORDER BY created_at
            """);
        cmd.Parameters.AddWithValue(supplierId);
        var list = new List<HeldRequisition>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new HeldRequisition(r.GetGuid(0), r.GetString(1), Json.Deserialize<List<CheckReason>>(r.GetString(2))));
        return list;
    }

    private static async Task<IReadOnlyList<Guid>> IdsAsync(TenantScope scope, string sql, string arg, CancellationToken ct)
    {
        await using var cmd = scope.Command(sql);
        cmd.Parameters.AddWithValue(arg);
        var ids = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
        return ids;
    }
}

public sealed record HeldRequisition(Guid Id, string Number, IReadOnlyList<CheckReason> HoldReasons);
