using AiGovernance.Core.Checks;
using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Checks;

/// <summary>A budget row as the API shows it.</summary>
public sealed record BudgetRecord(string CostCentre, string Period, decimal Amount, decimal Committed, string Currency,
    DateTimeOffset SnapshotAt, long Version, DateTimeOffset UpdatedAt)
{
    public decimal Available => Amount - Committed;
    public BudgetSnapshot ToSnapshot() => new(CostCentre, Period, Amount, Committed, Currency, SnapshotAt);
}

/// <summary>Budgets per cost centre and period: snapshots from the ERP plus what approvals committed since.</summary>
public static class BudgetStore
{
    private const string Columns = "cost_centre, period, amount, committed, currency, snapshot_at, version, updated_at";

    public static async Task<IReadOnlyList<BudgetRecord>> ListAsync(TenantScope scope, string? costCentre, string? period, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT {Columns} FROM budgets WHERE ($1::text IS NULL OR cost_centre = $1) AND ($2::text IS NULL OR period = $2)
            ORDER BY cost_centre, period
            """);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)costCentre ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)period ?? DBNull.Value);
        return await ReadAsync(cmd, ct);
    }

    public static async Task<BudgetRecord?> GetAsync(TenantScope scope, string costCentre, string period, bool forUpdate, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM budgets WHERE cost_centre = $1 AND period = $2{(forUpdate ? " FOR UPDATE" : "")}");
        cmd.Parameters.AddWithValue(costCentre);
        cmd.Parameters.AddWithValue(period);
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    public static async Task<bool> CostCentreExistsAsync(TenantScope scope, string costCentre, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT EXISTS (SELECT 1 FROM cost_centres WHERE code = $1)");
        cmd.Parameters.AddWithValue(costCentre);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Writes a snapshot unless the stored one has the same or a newer version (out-of-order delivery);
    /// returns null then. A snapshot without <paramref name="committed"/> keeps the committed amount we track.
    /// </summary>
    public static async Task<BudgetRecord?> ApplySnapshotAsync(TenantScope scope, string costCentre, string period, decimal amount,
        decimal? committed, string currency, DateTimeOffset snapshotAt, long version, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            INSERT INTO budgets AS b (tenant_id, cost_centre, period, amount, committed, currency, snapshot_at, version, updated_at)
            VALUES ($1, $2, $3, $4, coalesce($5, 0), $6, $7, $8, $9)
            ON CONFLICT (tenant_id, cost_centre, period) DO UPDATE
                SET amount = excluded.amount, committed = coalesce($5, b.committed), currency = excluded.currency,
                    snapshot_at = excluded.snapshot_at, version = excluded.version, updated_at = excluded.updated_at
                WHERE b.version < excluded.version
            RETURNING {Columns}
            """);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(costCentre);
        cmd.Parameters.AddWithValue(period);
        cmd.Parameters.AddWithValue(amount);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Numeric, committed is { } c ? c : DBNull.Value);
        cmd.Parameters.AddWithValue(currency);
        cmd.Parameters.AddWithValue(snapshotAt);
        cmd.Parameters.AddWithValue(version);
        cmd.Parameters.AddWithValue(now);
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    public static async Task<BudgetRecord?> AddCommittedAsync(TenantScope scope, string costCentre, string period, decimal delta, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            UPDATE budgets SET committed = committed + $3, updated_at = $4 WHERE cost_centre = $1 AND period = $2 RETURNING {Columns}
            """);
        cmd.Parameters.AddWithValue(costCentre);
        cmd.Parameters.AddWithValue(period);
        cmd.Parameters.AddWithValue(delta);
        cmd.Parameters.AddWithValue(now);
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    private static async Task<IReadOnlyList<BudgetRecord>> ReadAsync(Npgsql.NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<BudgetRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new BudgetRecord(r.GetString(0), r.GetString(1), r.GetDecimal(2), r.GetDecimal(3), r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5), r.GetInt64(6), r.GetFieldValue<DateTimeOffset>(7)));
        return list;
    }
}
