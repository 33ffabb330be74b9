using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Triage;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Worker.Exceptions;

public sealed record UnscoredException(Guid Id, ExceptionFacts Facts);

/// <summary>A decided exception with its facts at raise time: resolved = real, dismissed = false alarm (the training label).</summary>
public sealed record DecidedException(Guid Id, DateTimeOffset RaisedAt, DateTimeOffset DecidedAt, ExceptionFacts Facts, bool Real);

/// <summary>
/// Exceptions with their facts as of the moment they were raised: reviewer outcomes (same type; same supplier) count only
/// when decided before that moment, the deadlines are measured from it. The SLA is the requisition's active step now (the
/// step history is not kept per moment), the closest the store allows. The worker scores the open unscored ones; the
/// training export reads the decided ones with the same query, so the model learns from the facts it is later given.
/// </summary>
public static class ExceptionFactsAtRaise
{
    private const string Select = """
        SELECT e.id, e.type, e.severity, e.confidence, e.raised_at, r.amount_base, s.risk_tier,
               (SELECT min((st->>'due_at')::timestamptz) FROM jsonb_array_elements(r.steps) st WHERE st->>'status' = 'active'),
               least(r.needed_by, r.promised_date), r.customer_order IS NOT NULL AND r.promised_date IS NOT NULL,
               t.real, t.dismissed, coalesce(sp.real, 0), coalesce(sp.dismissed, 0),
               (e.evidence #>> '{payload,details,matches,0,probability}')::double precision,
               (SELECT max((l->>'variance_pct')::double precision) FROM jsonb_array_elements(
                    CASE WHEN jsonb_typeof(e.evidence #> '{payload,details,lines}') = 'array' THEN e.evidence #> '{payload,details,lines}' ELSE '[]' END) l
                WHERE jsonb_typeof(l->'variance_pct') = 'number'),
               e.status, e.decided_at
        FROM exceptions e
        LEFT JOIN requisitions r ON r.id = e.requisition_id
        LEFT JOIN suppliers s ON s.tenant_id = r.tenant_id AND s.id = r.supplier_id
        CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE x.status = 'resolved') AS real, count(*) FILTER (WHERE x.status = 'dismissed') AS dismissed
            FROM exceptions x WHERE x.type = e.type AND x.decided_at < e.raised_at AND x.status IN ('resolved', 'dismissed')) t
        LEFT JOIN LATERAL (
            SELECT count(*) FILTER (WHERE x.status = 'resolved') AS real, count(*) FILTER (WHERE x.status = 'dismissed') AS dismissed
            FROM exceptions x JOIN requisitions rx ON rx.id = x.requisition_id
            WHERE rx.supplier_id = r.supplier_id AND x.decided_at < e.raised_at AND x.status IN ('resolved', 'dismissed')) sp ON r.supplier_id IS NOT NULL

        """;

    /// <summary>Open exceptions of the given types (those the model learned) without a learned probability, oldest first.</summary>
    public static async Task<IReadOnlyList<UnscoredException>> ReadAsync(TenantScope scope, int limit, IReadOnlySet<string> types, CancellationToken ct)
    {
        await using var cmd = scope.Command(Select + """
            WHERE e.model_probability IS NULL AND e.status IN ('open', 'assigned') AND e.type = ANY($2)
            ORDER BY e.raised_at, e.id
            LIMIT $1
            """);
        cmd.Parameters.AddWithValue(limit);
        cmd.Parameters.AddWithValue(types.ToArray());
        var list = new List<UnscoredException>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new UnscoredException(r.GetGuid(0), Facts(r)));
        return list;
    }

    /// <summary>Decided exceptions in [since, until) by decision time, oldest decision first (the training export).</summary>
    public static async Task<IReadOnlyList<DecidedException>> DecidedAsync(TenantScope scope, DateTimeOffset? since, DateTimeOffset? until, CancellationToken ct)
    {
        await using var cmd = scope.Command(Select + """
            WHERE e.status IN ('resolved', 'dismissed') AND e.decided_at IS NOT NULL
              AND ($1::timestamptz IS NULL OR e.decided_at >= $1) AND ($2::timestamptz IS NULL OR e.decided_at < $2)
            ORDER BY e.decided_at, e.id
            """);
        cmd.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, (object?)since ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, (object?)until ?? DBNull.Value);
        var list = new List<DecidedException>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new DecidedException(r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<DateTimeOffset>(17), Facts(r), r.GetString(16) == "resolved"));
        return list;
    }

    private static ExceptionFacts Facts(NpgsqlDataReader r)
    {
        var raised = r.GetFieldValue<DateTimeOffset>(4);
        double? Hours(DateTimeOffset? at) => at is { } a ? Math.Round((a - raised).TotalHours, 1) : null;
        var neededBy = r.IsDBNull(8) ? (DateTimeOffset?)null : new DateTimeOffset(r.GetFieldValue<DateOnly>(8).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new ExceptionFacts(r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(5) ? null : r.GetDecimal(5),
            r.IsDBNull(6) ? null : r.GetString(6), Hours(r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7)), Hours(neededBy),
            !r.IsDBNull(9) && r.GetBoolean(9), (int)r.GetInt64(10), (int)r.GetInt64(11), (int)r.GetInt64(12), (int)r.GetInt64(13),
            r.IsDBNull(14) ? null : r.GetDouble(14), r.IsDBNull(15) ? null : r.GetDouble(15));
    }

    /// <summary>Writes the probabilities; an exception decided meanwhile is left alone (its score no longer orders anything).</summary>
    public static async Task<int> WriteAsync(TenantScope scope, IReadOnlyList<(Guid Id, double Probability)> scores, string version, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            UPDATE exceptions e SET model_probability = s.p, model_version = $3
            FROM unnest($1::uuid[], $2::double precision[]) AS s(id, p)
            WHERE e.id = s.id AND e.model_probability IS NULL AND e.status IN ('open', 'assigned')
            """);
        cmd.Parameters.AddWithValue(scores.Select(s => s.Id).ToArray());
        cmd.Parameters.AddWithValue(scores.Select(s => s.Probability).ToArray());
        cmd.Parameters.AddWithValue(version);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
