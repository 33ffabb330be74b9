using AiGovernance.Data.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Data.Outcomes;

/// <summary>A requisition a detector scored and did not flag: no reviewer ever saw it, so it carries no label.</summary>
public sealed record UnflaggedScore(Guid RequisitionId, string Number, string Detector, string ModelVersion, double? Score, DateTimeOffset ScoredAt);

/// <summary>
/// Candidates for blind review. Without them a retrained model only ever learns from what the previous
/// model chose to show (a feedback loop): misses below the threshold would never become labels.
/// </summary>
public static class UnflaggedScores
{
    public static async Task<IReadOnlyList<UnflaggedScore>> ListAsync(TenantScope scope, string detector, DateTimeOffset? since,
        DateTimeOffset? until, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT d.requisition_id, r.number, d.detector, d.model_version, d.score, d.scored_at
            FROM detection_results d JOIN requisitions r ON r.id = d.requisition_id
            WHERE d.detector = $1 AND NOT d.flagged AND ($2 IS NULL OR d.scored_at >= $2) AND ($3 IS NULL OR d.scored_at < $3)
            ORDER BY d.requisition_id
            """);
        cmd.Parameters.AddWithValue(detector);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)since ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)until ?? DBNull.Value });
        var list = new List<UnflaggedScore>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new UnflaggedScore(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetDouble(4),
                r.GetFieldValue<DateTimeOffset>(5)));
        return list;
    }
}
