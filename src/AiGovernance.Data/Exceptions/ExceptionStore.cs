using System.Text.Json;
using AiGovernance.Core.Exceptions;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Exceptions;

public sealed record ExceptionRecord(
    Guid Id, string Type, string Severity, string OwnerQueue, string SubjectType, string SubjectId, Guid? RequisitionId, string? RequisitionNumber,
    string Title, JsonElement Evidence, double? Confidence, string Status, string? AssignedTo, string? Resolution, string? DecidedBy,
    DateTimeOffset? DecidedAt, DateTimeOffset RaisedAt, TriageBreakdown Triage);

public sealed record ExceptionFilter(string? Status = "open", string? Queue = null, string? Type = null, Guid? RequisitionId = null, int Limit = 200);

/// <summary>Reads the exception inbox with each item's triage score (probability × impact × urgency, explained).</summary>
public static class ExceptionStore
{
    private const string Query = """
        WITH history AS (
            SELECT type, count(*) FILTER (WHERE status = 'resolved') AS real, count(*) FILTER (WHERE status = 'dismissed') AS dismissed
            FROM exceptions GROUP BY type)
        SELECT e.id, e.type, e.severity, e.owner_queue, e.subject_type, e.subject_id, e.requisition_id, r.number, e.title, e.evidence::text,
               e.confidence, e.status, e.assigned_to, e.resolution, e.decided_by, e.decided_at, e.raised_at,
               r.amount_base, s.risk_tier, r.needed_by,
               (SELECT min((st->>'due_at')::timestamptz) FROM jsonb_array_elements(r.steps) st WHERE st->>'status' = 'active'),
               coalesce(h.real, 0), coalesce(h.dismissed, 0),
               -- The learned probability counts only while the tenant's kill switch leaves the model on; off, the blend is back at once.
               CASE WHEN NOT ms.off THEN e.model_probability END, CASE WHEN NOT ms.off THEN e.model_version END, r.customer_order, r.promised_date
        FROM exceptions e
        LEFT JOIN requisitions r ON r.id = e.requisition_id
        LEFT JOIN suppliers s ON s.tenant_id = r.tenant_id AND s.id = r.supplier_id
        LEFT JOIN history h ON h.type = e.type
        CROSS JOIN (SELECT EXISTS (SELECT 1 FROM model_switches WHERE kind = 'exception-probability' AND NOT enabled) AS off) ms
        """;

    /// <summary>The matching exceptions, highest triage score first (weights from the active policy's exceptions: section).</summary>
    public static async Task<IReadOnlyList<ExceptionRecord>> ListAsync(TenantScope scope, ExceptionFilter filter, DateTimeOffset now, CancellationToken ct)
    {
        var weights = await WeightsAsync(scope, ct);
        await using var cmd = scope.Command(Query + """
             WHERE ($1::text IS NULL OR e.status = $1 OR ($1 = 'open' AND e.status = 'assigned'))
               AND ($2::text IS NULL OR e.owner_queue = $2) AND ($3::text IS NULL OR e.type = $3) AND ($4::uuid IS NULL OR e.requisition_id = $4)
            ORDER BY e.raised_at DESC LIMIT 2000
            """);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)filter.Status ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)filter.Queue ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)filter.Type ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Uuid, (object?)filter.RequisitionId ?? DBNull.Value);
        var list = await ReadAsync(cmd, now, weights, ct);
        return list.OrderByDescending(e => e.Triage.Score).ThenBy(e => e.RaisedAt).Take(filter.Limit).ToList();
    }

    public static async Task<ExceptionRecord?> GetAsync(TenantScope scope, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var weights = await WeightsAsync(scope, ct);
        await using var cmd = scope.Command(Query + " WHERE e.id = $1");
        cmd.Parameters.AddWithValue(id);
        return (await ReadAsync(cmd, now, weights, ct)).FirstOrDefault();
    }

    private static async Task<TriageWeights> WeightsAsync(TenantScope scope, CancellationToken ct) =>
        (await PolicyStore.GetActiveAsync(scope, PolicyCache.Shared, ct))?.Policy.Exceptions.Weights ?? TriageWeights.Default;

    private static async Task<List<ExceptionRecord>> ReadAsync(Npgsql.NpgsqlCommand cmd, DateTimeOffset now, TriageWeights weights, CancellationToken ct)
    {
        var list = new List<ExceptionRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var type = r.GetString(1);
            var severity = r.GetString(2);
            var confidence = r.IsDBNull(10) ? (double?)null : r.GetDouble(10);
            var customerOrder = r.IsDBNull(25) ? null : r.GetString(25);
            var promised = r.IsDBNull(26) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(26);
            // A promised date is a deadline like needed-by: the nearer one counts.
            var neededBy = Earliest(r.IsDBNull(19) ? null : r.GetFieldValue<DateOnly>(19), promised);
            var slaDue = r.IsDBNull(20) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(20);
            var input = new TriageInput(type, severity, confidence, (int)r.GetInt64(21), (int)r.GetInt64(22),
                r.IsDBNull(17) ? null : r.GetDecimal(17), r.IsDBNull(18) ? null : r.GetString(18),
                slaDue - now, neededBy is { } nb ? new DateTimeOffset(nb.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - now : null,
                CustomerCommitment: customerOrder is not null && promised is not null)
            {
                ModelProbability = r.IsDBNull(23) ? null : r.GetDouble(23),
                ModelVersion = r.IsDBNull(24) ? null : r.GetString(24),
                CustomerOrder = customerOrder,
            };
            list.Add(new ExceptionRecord(r.GetGuid(0), type, severity, r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetGuid(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8),
                JsonDocument.Parse(r.GetString(9)).RootElement.Clone(), confidence, r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12),
                r.IsDBNull(13) ? null : r.GetString(13), r.IsDBNull(14) ? null : r.GetString(14),
                r.IsDBNull(15) ? null : r.GetFieldValue<DateTimeOffset>(15), r.GetFieldValue<DateTimeOffset>(16),
                TriageScore.Compute(input, weights)));
        }
        return list;
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
