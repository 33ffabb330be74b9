using AiGovernance.Data.Jobs;
using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Outbox;

/// <summary>
/// Writes an outbound message in the caller's transaction, with a job for the dispatcher: the
/// message exists exactly when the change it announces committed. The idempotency key is stable
/// per message (e.g. "po-release:REQ-000123"), so enqueueing twice is one message.
/// </summary>
public static class OutboxWriter
{
    public const string JobKind = "outbox";

    public static async Task<Guid?> EnqueueAsync(TenantScope scope, string topic, string idempotencyKey, string? subjectId, object payload,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var cmd = scope.Command("""
            INSERT INTO outbox_messages (id, tenant_id, topic, idempotency_key, subject_id, payload, next_attempt_at, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
            ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(topic);
        cmd.Parameters.AddWithValue(idempotencyKey);
        cmd.Parameters.AddWithValue((object?)subjectId ?? DBNull.Value);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Json.Serialize(payload), NpgsqlDbType = NpgsqlDbType.Jsonb });
        cmd.Parameters.AddWithValue(now);
        if (await cmd.ExecuteNonQueryAsync(ct) == 0) return null;
        await JobQueue.ScheduleAsync(scope, JobKind, id.ToString(), now, ct);
        return id;
    }
}
