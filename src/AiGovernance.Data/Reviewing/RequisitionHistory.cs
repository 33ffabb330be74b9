using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Reviewing;

/// <summary>One recorded approval decision (approve, reject, request for information) on a step.</summary>
public sealed record ApprovalDecisionRecord(int StepIndex, string Decision, string ActorId, string? OnBehalfOf, string? Comment, DateTimeOffset DecidedAt);

/// <summary>A decision-log entry as a history line: what happened, who did it and when (the payload stays in the log).</summary>
public sealed record HistoryLogLine(long Seq, string Kind, string Actor, string? OnBehalfOf, string SubjectType, DateTimeOffset RecordedAt);

/// <summary>What already happened to a requisition, for the short history on its page.</summary>
public static class RequisitionHistory
{
    public static async Task<IReadOnlyList<ApprovalDecisionRecord>> DecisionsAsync(TenantScope scope, Guid requisitionId, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT step_index, decision, actor_id, on_behalf_of, comment, decided_at FROM approval_decisions
            WHERE requisition_id = $1 ORDER BY decided_at, step_index
            """);
        cmd.Parameters.AddWithValue(requisitionId);
        var list = new List<ApprovalDecisionRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new ApprovalDecisionRecord(r.GetInt32(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetFieldValue<DateTimeOffset>(5)));
        return list;
    }

    /// <summary>
    /// The newest entries about the requisition (logged under its number) and about its recommendations
    /// (logged under their ids), newest first.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryLogLine>> LogAsync(TenantScope scope, string requisitionNumber, IReadOnlyCollection<Guid> recommendationIds,
        int limit, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT seq, kind, actor, on_behalf_of, subject_type, recorded_at FROM decision_log
            WHERE tenant_id = $1 AND ((subject_type = 'requisition' AND subject_id = $2) OR (subject_type = 'recommendation' AND subject_id = ANY($3)))
            ORDER BY seq DESC LIMIT $4
            """);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(requisitionNumber);
        cmd.Parameters.AddWithValue(recommendationIds.Select(id => id.ToString()).ToArray());
        cmd.Parameters.AddWithValue(limit);
        var list = new List<HistoryLogLine>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new HistoryLogLine(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5)));
        return list;
    }
}
