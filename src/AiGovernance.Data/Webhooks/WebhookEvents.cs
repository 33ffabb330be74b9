using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Data.Webhooks;

/// <summary>An event already recorded under the same id: who signed it and what it resulted in.</summary>
public sealed record RecordedWebhookEvent(string Signature, string? ResultJson);

/// <summary>
/// Inbound event bookkeeping. The row for (tenant, event id) is inserted in the same transaction as the
/// event's effect, so the primary key makes concurrent deliveries of one event wait for the first and
/// then see its result; the unique signature index remembers every accepted signature (replay).
/// </summary>
public static class WebhookEvents
{
    public const string Actor = "erp";
    public const string SignatureIndex = "webhook_events_signature";

    public static async Task<bool> SignatureSeenAsync(TenantScope scope, string signature, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT EXISTS (SELECT 1 FROM webhook_events WHERE signature = $1)");
        cmd.Parameters.AddWithValue(signature);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Claims the event id for this transaction. Returns null when claimed; otherwise the event recorded
    /// earlier (a concurrent claimant blocks here until the first commits or rolls back). A signature
    /// already used by another event id raises a unique violation on <see cref="SignatureIndex"/>.
    /// </summary>
    public static async Task<RecordedWebhookEvent?> ClaimAsync(TenantScope scope, string eventId, string eventType, string signature,
        string bodySha256, DateTimeOffset now, CancellationToken ct)
    {
        await using (var insert = scope.Command("""
            INSERT INTO webhook_events (tenant_id, event_id, event_type, signature, body_sha256, received_at)
            VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, event_id) DO NOTHING
            """))
        {
            insert.Parameters.AddWithValue(scope.TenantId);
            insert.Parameters.AddWithValue(eventId);
            insert.Parameters.AddWithValue(eventType);
            insert.Parameters.AddWithValue(signature);
            insert.Parameters.AddWithValue(bodySha256);
            insert.Parameters.AddWithValue(now);
            if (await insert.ExecuteNonQueryAsync(ct) == 1) return null;
        }
        await using var select = scope.Command("SELECT signature, result::text FROM webhook_events WHERE event_id = $1");
        select.Parameters.AddWithValue(eventId);
        await using var r = await select.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new RecordedWebhookEvent(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1))
            : throw new InvalidOperationException($"webhook event {eventId} conflicted but is not visible");
    }

    /// <summary>Stores the result; returns it as stored (jsonb orders keys), so a duplicate echoes exactly the first answer.</summary>
    public static async Task<string> CompleteAsync(TenantScope scope, string eventId, string resultJson, CancellationToken ct)
    {
        await using var cmd = scope.Command("UPDATE webhook_events SET result = $2 WHERE event_id = $1 RETURNING result::text");
        cmd.Parameters.AddWithValue(eventId);
        cmd.Parameters.Add(new NpgsqlParameter { Value = resultJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Logs a refused delivery in its own short transaction: the event has no effect, but the attempt is
    /// a governance fact (a wrong secret, a replay) compliance needs to see.
    /// </summary>
    public static async Task LogRejectionAsync(NpgsqlDataSource db, Guid tenantId, string code, string reason, string bodySha256,
        string? remoteAddress, TimeProvider clock, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(db, tenantId, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.WebhookRejected, Actor, "webhook", null,
            new { code, reason, body_sha256 = bodySha256, remote_address = remoteAddress }), clock, ct);
        await scope.CommitAsync(ct);
    }
}
