using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Reporting;

/// <summary>Approval-flow figures, one set-based query each (row-level security limits every one to the scope's tenant).</summary>
internal static class ApprovalFigures
{
    public static async Task<QueueAging> QueueAgingAsync(TenantScope scope, DateTimeOffset asOf, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            WITH active AS (
                SELECT $1 - (s->>'activated_at')::timestamptz AS age
                FROM requisitions r, jsonb_array_elements(r.steps) s
                WHERE r.status = 'pending_approval' AND s->>'status' = 'active' AND s->>'activated_at' IS NOT NULL)
            SELECT count(*) FILTER (WHERE age < interval '4 hours'),
                   count(*) FILTER (WHERE age >= interval '4 hours' AND age < interval '24 hours'),
                   count(*) FILTER (WHERE age >= interval '24 hours' AND age < interval '3 days'),
                   count(*) FILTER (WHERE age >= interval '3 days')
            FROM active
            """);
        cmd.Parameters.AddWithValue(asOf);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new QueueAging(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
    }

    /// <summary>Median and p90 by category, by legal entity and overall, in one pass (grouping sets).</summary>
    public static async Task<IReadOnlyList<CycleTime>> CycleTimesAsync(TenantScope scope, ReportRange range, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            WITH decided AS (
                SELECT r.category, r.legal_entity, extract(epoch FROM max(d.decided_at) - r.created_at) / 3600.0 AS hours
                FROM requisitions r JOIN approval_decisions d ON d.requisition_id = r.id AND d.decision IN ('approve', 'reject')
                WHERE r.created_at >= $1 AND r.created_at < $2 AND r.status IN ('approved', 'rejected')
                GROUP BY r.id, r.category, r.legal_entity, r.created_at)
            SELECT CASE WHEN GROUPING(category) = 0 THEN 'category' WHEN GROUPING(legal_entity) = 0 THEN 'legal_entity' ELSE 'all' END,
                   coalesce(category, legal_entity, 'all'), count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY hours), percentile_cont(0.9) WITHIN GROUP (ORDER BY hours)
            FROM decided
            GROUP BY GROUPING SETS ((category), (legal_entity), ())
            ORDER BY 1, 2
            """);
        AddRange(cmd, range);
        var list = new List<CycleTime>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            if (r.GetInt64(2) > 0) list.Add(new CycleTime(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetDouble(3), r.GetDouble(4)));
        return list;
    }

    public static async Task<ExceptionRate> ExceptionRateAsync(TenantScope scope, ReportRange range, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            WITH advised AS (SELECT DISTINCT subject_id FROM recommendations WHERE subject_type = 'requisition')
            SELECT count(*), count(*) FILTER (WHERE r.flags <> '[]'::jsonb OR r.hold_reasons <> '[]'::jsonb OR r.status = 'on_hold' OR a.subject_id IS NOT NULL)
            FROM requisitions r LEFT JOIN advised a ON a.subject_id = r.id::text
            WHERE r.created_at >= $1 AND r.created_at < $2
            """);
        AddRange(cmd, range);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new ExceptionRate(r.GetInt64(0), r.GetInt64(1));
    }

    public static async Task<SlaBreaches> SlaBreachesAsync(TenantScope scope, ReportRange range, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT count(*) FILTER (WHERE kind = $3), count(*) FILTER (WHERE kind = $4)
            FROM decision_log WHERE kind IN ($3, $4) AND recorded_at >= $1 AND recorded_at < $2
            """);
        AddRange(cmd, range);
        cmd.Parameters.AddWithValue(DecisionLogKinds.Escalation);
        cmd.Parameters.AddWithValue(DecisionLogKinds.SlaBreached);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new SlaBreaches(r.GetInt64(0), r.GetInt64(1));
    }

    public static async Task<DecisionMix> DecisionMixAsync(TenantScope scope, ReportRange range, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT count(*) FILTER (WHERE status = 'auto_approved'), count(*) FILTER (WHERE status = 'approved'), count(*) FILTER (WHERE status = 'rejected')
            FROM requisitions WHERE created_at >= $1 AND created_at < $2
            """);
        AddRange(cmd, range);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new DecisionMix(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }

    /// <summary>
    /// An approval is fast when it came within the rule's seconds of its step becoming active, or of the same
    /// person's previous decision (a run of one-click approvals). Either suggests the evidence was not read.
    /// </summary>
    public static async Task<IReadOnlyList<FastApprovals>> FastApprovalsAsync(TenantScope scope, ReportRange range, FastApprovalRule rule, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            WITH decisions AS (
                SELECT d.actor_id, d.decision, d.decided_at,
                       (r.steps -> d.step_index ->> 'activated_at')::timestamptz AS activated_at,
                       lag(d.decided_at) OVER (PARTITION BY d.actor_id ORDER BY d.decided_at, d.id) AS previous_at
                FROM approval_decisions d JOIN requisitions r ON r.id = d.requisition_id
                WHERE d.decided_at >= $1 - make_interval(secs => $3) AND d.decided_at < $2)
            SELECT actor_id, count(*),
                   count(*) FILTER (WHERE decided_at - activated_at < make_interval(secs => $3)
                                       OR decided_at - previous_at < make_interval(secs => $3))
            FROM decisions WHERE decision = 'approve' AND decided_at >= $1
            GROUP BY actor_id ORDER BY 3 DESC, 1
            """);
        AddRange(cmd, range);
        cmd.Parameters.AddWithValue((double)rule.Seconds);
        var list = new List<FastApprovals>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new FastApprovals(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
        return list;
    }

    internal static void AddRange(Npgsql.NpgsqlCommand cmd, ReportRange range)
    {
        cmd.Parameters.AddWithValue(range.From);
        cmd.Parameters.AddWithValue(range.To);
    }
}
