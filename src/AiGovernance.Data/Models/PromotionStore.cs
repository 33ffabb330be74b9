using AiGovernance.Core.Models;
using AiGovernance.Data.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Data.Models;

/// <summary>
/// Rows of <c>model_promotions</c>. The table is deployment-wide (not under row-level security); callers
/// reach it only through <see cref="OperatorTenant"/>'s check, inside the operator tenant's transaction.
/// </summary>
public static class PromotionStore
{
    private const string Columns = """
        id, kind, version, from_version, requested_by, requested_at, reason, override_reason, primary_metric, challenger_metric,
        champion_metric, metric_basis, status, higher_is_better, decided_by, decided_at, decision_reason, rolled_back_by, rolled_back_at, rollback_reason
        """;

    public static async Task<long> InsertAsync(TenantScope scope, ModelPromotion p, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            INSERT INTO model_promotions (kind, version, from_version, requested_by, requested_at, reason, override_reason, primary_metric,
                challenger_metric, champion_metric, metric_basis, status, higher_is_better)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id
            """);
        Add(cmd, p.Kind, p.Version, p.FromVersion, p.RequestedBy, p.RequestedAt, p.Reason, p.OverrideReason, p.Comparison.Metric,
            p.Comparison.Challenger, p.Comparison.Champion, p.Comparison.Basis, p.Status, p.Comparison.HigherIsBetter);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Locks the row: of concurrent decisions on one request exactly one sees it pending.</summary>
    public static async Task<ModelPromotion?> LoadForUpdateAsync(TenantScope scope, long id, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM model_promotions WHERE id = $1 FOR UPDATE");
        cmd.Parameters.AddWithValue(id);
        return (await ReadAsync(cmd, ct)).SingleOrDefault();
    }

    public static async Task<ModelPromotion?> GetAsync(TenantScope scope, long id, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM model_promotions WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        return (await ReadAsync(cmd, ct)).SingleOrDefault();
    }

    /// <summary>The approved promotion that made <paramref name="version"/> active: what a rollback undoes.</summary>
    public static async Task<ModelPromotion?> ActivePromotionForUpdateAsync(TenantScope scope, string kind, string version, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT {Columns} FROM model_promotions WHERE kind = $1 AND version = $2 AND status = 'approved'
            ORDER BY decided_at DESC, id DESC LIMIT 1 FOR UPDATE
            """);
        cmd.Parameters.AddWithValue(kind);
        cmd.Parameters.AddWithValue(version);
        return (await ReadAsync(cmd, ct)).SingleOrDefault();
    }

    public static async Task<IReadOnlyList<ModelPromotion>> ListAsync(TenantScope scope, string? status, string? kind, int limit, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT {Columns} FROM model_promotions WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR kind = $2)
            ORDER BY id DESC LIMIT $3
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)kind ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.AddWithValue(limit);
        return await ReadAsync(cmd, ct);
    }

    public static async Task SaveDecisionAsync(TenantScope scope, ModelPromotion p, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            UPDATE model_promotions SET status = $2, decided_by = $3, decided_at = $4, decision_reason = $5,
                rolled_back_by = $6, rolled_back_at = $7, rollback_reason = $8 WHERE id = $1
            """);
        Add(cmd, p.Id, p.Status, p.DecidedBy, p.DecidedAt, p.DecisionReason, p.RolledBackBy, p.RolledBackAt, p.RollbackReason);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Serializes promotion changes of one kind across hosts: the registry file has one writer at a time.</summary>
    public static async Task LockKindAsync(TenantScope scope, string kind, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT pg_advisory_xact_lock(hashtextextended('model_promotion:' || $1, 0))");
        cmd.Parameters.AddWithValue(kind);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void Add(NpgsqlCommand cmd, params object?[] values)
    {
        foreach (var v in values)
            cmd.Parameters.Add(v is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown } : new NpgsqlParameter { Value = v });
    }

    private static async Task<IReadOnlyList<ModelPromotion>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<ModelPromotion>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            double? D(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
            DateTimeOffset? T(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
            var fields = new ModelPromotion
            {
                Id = r.GetInt64(0), Kind = r.GetString(1), Version = r.GetString(2), FromVersion = S(3), RequestedBy = r.GetString(4),
                RequestedAt = r.GetFieldValue<DateTimeOffset>(5), Reason = r.GetString(6), OverrideReason = S(7),
                Comparison = new MetricComparison(S(8) ?? "", r.IsDBNull(13) || r.GetBoolean(13), D(9), D(10), S(3), S(11) ?? ""),
            };
            list.Add(ModelPromotion.Restore(fields, r.GetString(12), S(14), T(15), S(16), S(17), T(18), S(19)));
        }
        return list;
    }
}
