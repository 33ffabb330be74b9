using System.Text.Json;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Data.Outbox;

public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";

    public static readonly string[] All = [Pending, Delivered, Dead];
}

public sealed record OutboxMessage(Guid Id, string Topic, string IdempotencyKey, string? SubjectId, JsonElement Payload, string Status,
    int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt)
{
    /// <summary>Decision-log subject: the requisition a PO release is about (so it shows in the requisition's trail), else the message.</summary>
    public (string Type, string Id) LogSubject() =>
        Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("requisition_number", out var n) && n.ValueKind == JsonValueKind.String
            ? ("requisition", n.GetString()!)
            : ("outbox_message", Id.ToString());
}

/// <summary>What the dispatcher found when it tried to take a message for sending.</summary>
public enum OutboxLock
{
    /// <summary>Pending and now row-locked by this transaction: send it.</summary>
    Acquired,
    /// <summary>Pending but locked by another dispatcher that is sending it right now: try later.</summary>
    Busy,
    /// <summary>Delivered, dead or gone: nothing to do.</summary>
    NotPending,
}

/// <summary>Reads and state changes of outbox messages, all inside a tenant scope (row-level security applies).</summary>
public static class OutboxStore
{
    private const string Columns =
        "id, topic, idempotency_key, subject_id, payload::text, status, attempts, next_attempt_at, last_error, created_at, delivered_at";

    public static async Task<IReadOnlyList<OutboxMessage>> ListAsync(TenantScope scope, string? status, int limit, CancellationToken ct)
    {
        await using var cmd = scope.Command($"""
            SELECT {Columns} FROM outbox_messages WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC, id DESC LIMIT $2
            """);
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)status ?? DBNull.Value);
        cmd.Parameters.AddWithValue(limit);
        return await ReadAllAsync(cmd, ct);
    }

    /// <summary>The messages with these idempotency keys (e.g. <c>followup:{recommendation id}</c>), by key.</summary>
    public static async Task<IReadOnlyDictionary<string, OutboxMessage>> ByKeysAsync(TenantScope scope, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return new Dictionary<string, OutboxMessage>();
        await using var cmd = scope.Command($"SELECT {Columns} FROM outbox_messages WHERE idempotency_key = ANY($1)");
        cmd.Parameters.AddWithValue(keys.ToArray());
        return (await ReadAllAsync(cmd, ct)).ToDictionary(m => m.IdempotencyKey, StringComparer.Ordinal);
    }

    public static async Task<OutboxMessage?> GetAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using var cmd = scope.Command($"SELECT {Columns} FROM outbox_messages WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        return (await ReadAllAsync(cmd, ct)).SingleOrDefault();
    }

    /// <summary>
    /// Row-locks a pending message for the rest of the transaction. The lock is held across the HTTP
    /// send, so a second dispatcher (another host, or this job after its lease ran out) finds it busy
    /// instead of sending it a second time; a dispatcher that dies drops its connection and the lock.
    /// </summary>
    public static async Task<(OutboxLock Lock, OutboxMessage? Message)> LockPendingAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using (var cmd = scope.Command($"SELECT {Columns} FROM outbox_messages WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED"))
        {
            cmd.Parameters.AddWithValue(id);
            if ((await ReadAllAsync(cmd, ct)).SingleOrDefault() is { } message) return (OutboxLock.Acquired, message);
        }
        await using var check = scope.Command("SELECT status FROM outbox_messages WHERE id = $1");
        check.Parameters.AddWithValue(id);
        return (await check.ExecuteScalarAsync(ct) as string == OutboxStatus.Pending ? OutboxLock.Busy : OutboxLock.NotPending, null);
    }

    public static async Task MarkDeliveredAsync(TenantScope scope, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            UPDATE outbox_messages SET status = 'delivered', attempts = attempts + 1, delivered_at = $2, last_error = NULL WHERE id = $1
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records a failed attempt: either the next attempt time or, when <paramref name="nextAttemptAt"/> is null, the dead letter.</summary>
    public static async Task<int> MarkFailedAsync(TenantScope scope, Guid id, string error, DateTimeOffset? nextAttemptAt, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            UPDATE outbox_messages
            SET attempts = attempts + 1, last_error = $2,
                status = CASE WHEN $3::timestamptz IS NULL THEN 'dead' ELSE status END,
                next_attempt_at = coalesce($3::timestamptz, next_attempt_at)
            WHERE id = $1 RETURNING attempts
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(error.Length > 1000 ? error[..1000] : error);
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)nextAttemptAt ?? DBNull.Value);
        return (int)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Dead or delivered → pending with a fresh attempt budget; returns the status it had, or null if it was not redeliverable.</summary>
    public static async Task<string?> ResetForRedeliveryAsync(TenantScope scope, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        string? before;
        await using (var select = scope.Command("SELECT status FROM outbox_messages WHERE id = $1 FOR UPDATE"))
        {
            select.Parameters.AddWithValue(id);
            before = await select.ExecuteScalarAsync(ct) as string;
        }
        if (before is not (OutboxStatus.Dead or OutboxStatus.Delivered)) return null;
        await using var cmd = scope.Command("UPDATE outbox_messages SET status = 'pending', attempts = 0, next_attempt_at = $2, delivered_at = NULL WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync(ct);
        return before;
    }

    /// <summary>Where the tenant's ERP receives PO releases (null: not configured).</summary>
    public static async Task<string?> ErpEndpointAsync(TenantScope scope, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT url FROM erp_endpoints WHERE tenant_id = $1");
        cmd.Parameters.AddWithValue(scope.TenantId);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>The newest active outbound secret: during a rotation the ERP accepts both, and we sign with the new one.</summary>
    public static async Task<string?> OutboundSecretAsync(TenantScope scope, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT secret FROM webhook_secrets WHERE tenant_id = $1 AND direction = 'outbound' AND active
            ORDER BY created_at DESC, id DESC LIMIT 1
            """);
        cmd.Parameters.AddWithValue(scope.TenantId);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    private static async Task<IReadOnlyList<OutboxMessage>> ReadAllAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<OutboxMessage>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            using var payload = JsonDocument.Parse(r.GetString(4));
            list.Add(new OutboxMessage(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                payload.RootElement.Clone(), r.GetString(5), r.GetInt32(6), r.GetFieldValue<DateTimeOffset>(7),
                r.IsDBNull(8) ? null : r.GetString(8), r.GetFieldValue<DateTimeOffset>(9),
                r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10)));
        }
        return list;
    }
}
