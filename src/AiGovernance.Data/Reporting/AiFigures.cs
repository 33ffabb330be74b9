using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Reporting;

/// <summary>How people treat the AI's recommendations, and how long the detectors take.</summary>
internal static class AiFigures
{
    /// <summary>Decided (or expired) in the range, by kind: acceptance by kind and the override frequency.</summary>
    public static async Task<RecommendationOutcomes> RecommendationOutcomesAsync(TenantScope scope, ReportRange range, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT kind, count(*) FILTER (WHERE status = 'accepted'), count(*) FILTER (WHERE status = 'edited'),
                   count(*) FILTER (WHERE status = 'rejected'), count(*) FILTER (WHERE status = 'expired')
            FROM recommendations
            WHERE status <> 'pending' AND coalesce(decided_at, expires_at) >= $1 AND coalesce(decided_at, expires_at) < $2
            GROUP BY kind ORDER BY kind
            """);
        ApprovalFigures.AddRange(cmd, range);
        var list = new List<RecommendationKindOutcome>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new RecommendationKindOutcome(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)));
        return new RecommendationOutcomes(list);
    }

    /// <summary>Per deciding person: recommendations accepted (as is or edited) of those they decided.</summary>
    public static async Task<IReadOnlyList<ReviewerAgreement>> ReviewerAgreementAsync(TenantScope scope, ReportRange range, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT decided_by, count(*), count(*) FILTER (WHERE status IN ('accepted', 'edited'))
            FROM recommendations
            WHERE status IN ('accepted', 'edited', 'rejected') AND decided_by IS NOT NULL AND decided_at >= $1 AND decided_at < $2
            GROUP BY decided_by ORDER BY 2 DESC, 1
            """);
        ApprovalFigures.AddRange(cmd, range);
        var list = new List<ReviewerAgreement>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new ReviewerAgreement(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
        return list;
    }

    /// <summary>p50/p95 of <c>scoring_ms</c>, which the scoring handler writes into each detection_scored entry.</summary>
    public static async Task<ScoringLatency> ScoringLatencyAsync(TenantScope scope, ReportRange range, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)
            FROM (SELECT (payload->>'scoring_ms')::float8 AS ms FROM decision_log
                  WHERE kind = $3 AND recorded_at >= $1 AND recorded_at < $2 AND payload ? 'scoring_ms') s
            """);
        ApprovalFigures.AddRange(cmd, range);
        cmd.Parameters.AddWithValue(DecisionLogKinds.DetectionScored);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new ScoringLatency(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetDouble(1), r.IsDBNull(2) ? null : r.GetDouble(2));
    }
}
