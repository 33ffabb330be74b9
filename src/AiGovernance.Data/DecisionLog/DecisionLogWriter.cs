using AiGovernance.Data.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Data.DecisionLog;

/// <summary>
/// Appends to a tenant's hash chain inside the caller's transaction, so a decision and its log
/// entry commit together or not at all. The database function decision_log_append locks the chain
/// head, numbers, hashes and inserts in one round trip (see migration 0008); the content it hashes is
/// the canonical JSON built here, which the verifier rebuilds from the stored row.
/// </summary>
public static class DecisionLogWriter
{
    public static async Task<DecisionLogEntry> AppendAsync(TenantScope scope, NewDecisionLogEntry entry, TimeProvider clock, CancellationToken ct = default)
    {
        var payloadJson = CanonicalJson.Canonicalize(Json.Serialize(entry.Payload));
        var at = DecisionLogEntry.ToStoredPrecision(clock.GetUtcNow());
        var content = DecisionLogEntry.CanonicalContent(scope.TenantId, entry.Kind, entry.Actor, entry.OnBehalfOf,
            entry.SubjectType, entry.SubjectId, payloadJson, at);

        await using var cmd = scope.Command("SELECT seq, prev_hash, hash FROM decision_log_append($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(entry.Kind);
        cmd.Parameters.AddWithValue(entry.Actor);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)entry.OnBehalfOf ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)entry.SubjectType ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)entry.SubjectId ?? DBNull.Value);
        cmd.Parameters.Add(new NpgsqlParameter { Value = payloadJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        cmd.Parameters.AddWithValue(at);
        cmd.Parameters.AddWithValue(content);
        DecisionLogEntry written;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            written = new DecisionLogEntry(r.GetInt64(0), scope.TenantId, entry.Kind, entry.Actor, entry.OnBehalfOf, entry.SubjectType,
                entry.SubjectId, payloadJson, at, r.GetString(1), r.GetString(2));
        }
        // Entries that may raise or close an exception wake the projector, in this same transaction.
        if (Core.Exceptions.ExceptionEvents.Kinds.Contains(entry.Kind))
            await Exceptions.ExceptionProjector.ScheduleAsync(scope, clock.GetUtcNow(), ct);
        return written;
    }
}
