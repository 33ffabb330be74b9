using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Data.Outcomes;

/// <summary>A requisition as the detectors saw it, with what is needed to rebuild a training row.</summary>
public sealed record OutcomeRequisition(Guid Id, string Number, string SupplierId, string SupplierName, string? SupplierReference,
    IReadOnlyList<RequisitionLine> Lines, decimal AmountInBase, string BaseCurrency, string Currency, string Category,
    DateTimeOffset CreatedAt, string RequesterId, string CostCentre);

/// <summary>
/// One decided detector recommendation: the reviewer's decision (status, reason), the model that flagged,
/// the requisition it is about and, for duplicates, the earlier requisition it was matched with.
/// </summary>
public sealed record DecidedOutcome(Guid RecommendationId, string Status, bool Label, string? Reason, string ModelVersion,
    DateTimeOffset DecidedAt, string PayloadJson, OutcomeRequisition Subject, OutcomeRequisition? Match);

/// <summary>Reads the <c>detection_labels</c> view of one tenant (the scope's row-level security decides what is visible).</summary>
public static class DecidedOutcomes
{
    /// <param name="producer">e.g. "duplicate-detector".</param>
    /// <param name="since">Inclusive lower bound on decided_at, or null.</param>
    /// <param name="until">Exclusive upper bound on decided_at, or null.</param>
    public static async Task<IReadOnlyList<DecidedOutcome>> ListAsync(TenantScope scope, string producer, DateTimeOffset? since,
        DateTimeOffset? until, CancellationToken ct)
    {
        // The matched requisition is the first match the detector flagged: the one the reviewer was shown.
        // The match id is computed once per label (materialized) and then joined by primary key: as a join
        // condition the correlated subquery made the planner scan requisitions once per outcome.
        await using var cmd = scope.Command($"""
            WITH l AS MATERIALIZED (
                SELECT l.*, (
                    SELECT (x.value->>'requisition_id')::uuid
                    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(l.payload->'details'->'matches') = 'array'
                                                   THEN l.payload->'details'->'matches' ELSE '[]'::jsonb END) WITH ORDINALITY x
                    WHERE (x.value->>'flagged')::boolean AND x.value->>'requisition_id' IS NOT NULL
                    ORDER BY x.ordinality LIMIT 1) AS match_id
                FROM detection_labels l
                WHERE l.producer = $1 AND ($2 IS NULL OR l.decided_at >= $2) AND ($3 IS NULL OR l.decided_at < $3)
            )
            SELECT l.recommendation_id, rec.status, l.label, l.decision_reason, coalesce(l.model_version, ''), l.decided_at, l.payload::text,
                   {Columns("s", "ss")}, {Columns("m", "ms")}
            FROM l
            JOIN recommendations rec ON rec.id = l.recommendation_id
            JOIN requisitions s ON s.id = l.requisition_id::uuid
            JOIN suppliers ss ON ss.tenant_id = s.tenant_id AND ss.id = s.supplier_id
            LEFT JOIN requisitions m ON m.id = l.match_id
            LEFT JOIN suppliers ms ON ms.tenant_id = m.tenant_id AND ms.id = m.supplier_id
            ORDER BY l.decided_at, l.recommendation_id
            """);
        cmd.Parameters.AddWithValue(producer);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)since ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)until ?? DBNull.Value });
        var list = new List<DecidedOutcome>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new DecidedOutcome(r.GetGuid(0), r.GetString(1), r.GetInt32(2) == 1, r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5), r.GetString(6), Read(r, 7)!, Read(r, 7 + ColumnCount)));
        return list;
    }

    private const int ColumnCount = 13;

    private static string Columns(string r, string s) =>
        $"{r}.id, {r}.number, {r}.supplier_id, {s}.name, {r}.supplier_reference, {r}.lines::text, {r}.amount_base, {r}.base_currency, " +
        $"{r}.currency, {r}.category, {r}.created_at, {r}.requester_id, {r}.cost_centre";

    private static OutcomeRequisition? Read(NpgsqlDataReader r, int at) =>
        r.IsDBNull(at) ? null : new OutcomeRequisition(r.GetGuid(at), r.GetString(at + 1), r.GetString(at + 2), r.GetString(at + 3),
            r.IsDBNull(at + 4) ? null : r.GetString(at + 4), Json.Deserialize<List<RequisitionLine>>(r.GetString(at + 5)), r.GetDecimal(at + 6),
            r.GetString(at + 7), r.GetString(at + 8), r.GetString(at + 9), r.GetFieldValue<DateTimeOffset>(at + 10), r.GetString(at + 11),
            r.GetString(at + 12));
}
