using AiGovernance.Core.Approvals;
using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Approvals;

/// <summary>What the history is counted against: the window and the suggestion's cost centres, legal entities and category.</summary>
/// <param name="AwayFrom">Start of the period the person would serve in; a delegation of theirs overlapping it marks them away.</param>
public sealed record HistoryQuery(DateTimeOffset Since, IReadOnlyList<string> CostCentres, IReadOnlyList<string> LegalEntities, string? Category,
    DateTimeOffset AwayFrom, DateTimeOffset AwayTo);

/// <summary>
/// Every user of the tenant with their approval history, in one query: decisions from <c>approval_decisions</c> (who
/// decided, when) joined to the requisition (cost centre, legal entity, category, and the step's activation time in the
/// <c>steps</c> document, for the time to decide), escalated steps that named the user, requisitions they raised on the
/// cost centres, cost centres they own, and delegations of theirs that overlap the period.
/// </summary>
public static class ApproverHistory
{
    public static async Task<IReadOnlyList<(ApproverCandidate Candidate, DecisionHistory History)>> LoadAsync(TenantScope scope, HistoryQuery q,
        CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            WITH decided AS (
                SELECT d.actor_id, d.decision, r.cost_centre, r.legal_entity, r.category,
                       extract(epoch FROM d.decided_at - (r.steps -> d.step_index ->> 'activated_at')::timestamptz) / 3600.0 AS hours
                FROM approval_decisions d JOIN requisitions r ON r.id = d.requisition_id
                WHERE d.decided_at >= $1 AND d.decision IN ('approve', 'reject')),
            stats AS (
                SELECT actor_id,
                       count(*) FILTER (WHERE decision = 'approve' AND cost_centre = ANY($2)) AS approved_cc,
                       count(*) FILTER (WHERE decision = 'reject' AND cost_centre = ANY($2)) AS rejected_cc,
                       count(*) FILTER (WHERE legal_entity = ANY($3)) AS in_le,
                       count(*) FILTER (WHERE category = $4) AS in_category,
                       count(*) AS total,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median_hours
                FROM decided GROUP BY actor_id),
            escalated AS (
                SELECT sl -> 'approver' ->> 'value' AS user_id, count(DISTINCT (r.id, s ->> 'index')) AS n
                FROM requisitions r, jsonb_array_elements(r.steps) s, jsonb_array_elements(s -> 'slots') sl
                WHERE r.created_at >= $1 AND s ->> 'escalated_at' IS NOT NULL AND sl -> 'approver' ->> 'kind' = 'user'
                GROUP BY 1),
            requested AS (
                SELECT requester_id, count(*) AS n FROM requisitions
                WHERE created_at >= $1 AND cost_centre = ANY($2) GROUP BY 1),
            owned AS (
                SELECT owner_id, count(*) AS n FROM cost_centres WHERE owner_id IS NOT NULL GROUP BY 1),
            away AS (
                SELECT delegator_id, max(valid_to) AS until FROM delegations
                WHERE revoked_at IS NULL AND valid_from < $6 AND valid_to > $5 GROUP BY 1)
            SELECT u.id, u.name, u.roles, u.active,
                   coalesce(s.approved_cc, 0), coalesce(s.rejected_cc, 0), coalesce(s.in_le, 0), coalesce(s.in_category, 0),
                   coalesce(s.total, 0), s.median_hours, coalesce(e.n, 0), coalesce(q.n, 0), coalesce(o.n, 0), a.until
            FROM app_users u
            LEFT JOIN stats s ON s.actor_id = u.id
            LEFT JOIN escalated e ON e.user_id = u.id
            LEFT JOIN requested q ON q.requester_id = u.id
            LEFT JOIN owned o ON o.owner_id = u.id
            LEFT JOIN away a ON a.delegator_id = u.id
            ORDER BY u.id
            """);
        cmd.Parameters.AddWithValue(q.Since);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, q.CostCentres.ToArray());
        cmd.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, q.LegalEntities.ToArray());
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)q.Category ?? DBNull.Value);
        cmd.Parameters.AddWithValue(q.AwayFrom);
        cmd.Parameters.AddWithValue(q.AwayTo);
        var list = new List<(ApproverCandidate, DecisionHistory)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var candidate = new ApproverCandidate(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2), r.GetBoolean(3),
                r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13));
            var history = new DecisionHistory((int)r.GetInt64(4), (int)r.GetInt64(5), (int)r.GetInt64(6), (int)r.GetInt64(7), (int)r.GetInt64(8),
                r.IsDBNull(9) ? null : r.GetDouble(9), (int)r.GetInt64(10), (int)r.GetInt64(11), (int)r.GetInt64(12));
            list.Add((candidate, history));
        }
        return list;
    }
}
