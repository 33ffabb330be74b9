using AiGovernance.Core;
using AiGovernance.Core.Exceptions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Exceptions;

/// <summary>Assign, resolve or dismiss an exception: one row update and its decision-log entry, in the caller's transaction.</summary>
public static class DecideOnException
{
    public static async Task ExecuteAsync(TenantScope scope, string actorId, Guid id, ExceptionAction action, string? assignee, string? reason,
        TimeProvider clock, CancellationToken ct)
    {
        string status, type, dedupKey;
        await using (var read = scope.Command("SELECT status, type, dedup_key FROM exceptions WHERE id = $1 FOR UPDATE"))
        {
            read.Parameters.AddWithValue(id);
            await using var r = await read.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) throw DomainException.NotFound("exception_not_found", $"Exception {id} was not found.");
            (status, type, dedupKey) = (r.GetString(0), r.GetString(1), r.GetString(2));
        }
        var after = ExceptionTransitions.Apply(status, action, reason);
        var assignTo = action == ExceptionAction.Assign ? (string.IsNullOrWhiteSpace(assignee) ? actorId : assignee.Trim()) : null;
        if (assignTo is not null && await MasterData.GetUserAsync(scope, assignTo, ct) is not { Active: true })
            throw ValidationFailedException.Single("assignee", $"'{assignTo}' is not an active user of this tenant");

        var now = clock.GetUtcNow();
        await using (var update = scope.Command("""
            UPDATE exceptions SET status = $2, assigned_to = coalesce($3, assigned_to), resolution = coalesce($4, resolution),
                decided_by = CASE WHEN $2 IN ('resolved', 'dismissed') THEN $5 ELSE decided_by END,
                decided_at = CASE WHEN $2 IN ('resolved', 'dismissed') THEN $6 ELSE decided_at END, updated_at = $6
            WHERE id = $1
            """))
        {
            update.Parameters.AddWithValue(id);
            update.Parameters.AddWithValue(after);
            update.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)assignTo ?? DBNull.Value);
            update.Parameters.AddWithValue(NpgsqlDbType.Text, action == ExceptionAction.Assign ? DBNull.Value : (object?)reason?.Trim() ?? DBNull.Value);
            update.Parameters.AddWithValue(actorId);
            update.Parameters.AddWithValue(now);
            await update.ExecuteNonQueryAsync(ct);
        }
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.ExceptionDecided, actorId, "exception", id.ToString(),
            new { exception_id = id, type, dedup_key = dedupKey, action = action.ToString().ToLowerInvariant(), status_before = status, status_after = after,
                assignee = assignTo, reason }), clock, ct);
    }
}
