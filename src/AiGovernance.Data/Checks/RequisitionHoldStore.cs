using AiGovernance.Core.Checks;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Sla;
using AiGovernance.Data.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Data.Checks;

/// <summary>
/// The check-related state of a requisition (status, chain, hold reasons, flags). Kept apart from
/// RequisitionStore so the columns the checks own are written in one statement with the state they explain.
/// </summary>
public static class RequisitionHoldStore
{
    /// <summary>Fills <see cref="Requisition.HoldReasons"/> and <see cref="Requisition.Flags"/> from the row.</summary>
    public static async Task LoadAsync(TenantScope scope, Requisition r, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT hold_reasons::text, flags::text FROM requisitions WHERE id = $1");
        cmd.Parameters.AddWithValue(r.Id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return;
        r.HoldReasons = Json.Deserialize<List<CheckReason>>(reader.GetString(0));
        r.Flags = Json.Deserialize<List<CheckReason>>(reader.GetString(1));
    }

    public static async Task SaveAsync(TenantScope scope, Requisition r, DateTimeOffset now, CancellationToken ct)
    {
        await using (var cmd = scope.Command("""
            UPDATE requisitions SET status = $2, steps = $3, pending_approvers = $4, hold_reasons = $5, flags = $6,
                version = version + 1, updated_at = $7
            WHERE id = $1 RETURNING version
            """))
        {
            cmd.Parameters.AddWithValue(r.Id);
            cmd.Parameters.AddWithValue(r.Status.ToSnakeCase());
            cmd.Parameters.Add(Jsonb(Json.Serialize(r.Steps)));
            cmd.Parameters.AddWithValue(r.PendingApproverKeys().ToArray());
            cmd.Parameters.Add(Jsonb(Json.Serialize(r.HoldReasons)));
            cmd.Parameters.Add(Jsonb(Json.Serialize(r.Flags)));
            cmd.Parameters.AddWithValue(now);
            r.Version = (int)(await cmd.ExecuteScalarAsync(ct))!;
        }
        // A hold stops the SLA clock; a release starts it.
        await SlaTimers.SyncAsync(scope, r, ct);
    }

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

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };
}

public sealed record HeldRequisition(Guid Id, string Number, IReadOnlyList<CheckReason> HoldReasons);
