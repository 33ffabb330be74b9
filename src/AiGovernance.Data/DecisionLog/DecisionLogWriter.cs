using AiGovernance.Data.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace AiGovernance.Data.DecisionLog;

/// <summary>
/// Appends to a tenant's hash chain inside the caller's transaction, so a decision and its log
/// entry commit together or not at all. The head row lock orders concurrent writers.
/// </summary>
public static class DecisionLogWriter
{
    public static async Task<DecisionLogEntry> AppendAsync(TenantScope scope, NewDecisionLogEntry entry, TimeProvider clock, CancellationToken ct = default)
    {
        var (prevHash, seq) = await LockHeadAsync(scope, ct);
        var payloadJson = CanonicalJson.Canonicalize(Json.Serialize(entry.Payload));
        var at = DecisionLogEntry.ToStoredPrecision(clock.GetUtcNow());
        var hash = DecisionLogEntry.ComputeHash(seq, scope.TenantId, entry.Kind, entry.Actor, entry.OnBehalfOf,
            entry.SubjectType, entry.SubjectId, payloadJson, at, prevHash);

        await using var batch = new NpgsqlBatch(scope.Connection, scope.Transaction);
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO decision_log (seq, tenant_id, kind, actor, on_behalf_of, subject_type, subject_id, payload, recorded_at, prev_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """);
        insert.Parameters.AddWithValue(seq);
        insert.Parameters.AddWithValue(scope.TenantId);
        insert.Parameters.AddWithValue(entry.Kind);
        insert.Parameters.AddWithValue(entry.Actor);
        insert.Parameters.AddWithValue((object?)entry.OnBehalfOf ?? DBNull.Value);
        insert.Parameters.AddWithValue((object?)entry.SubjectType ?? DBNull.Value);
        insert.Parameters.AddWithValue((object?)entry.SubjectId ?? DBNull.Value);
        insert.Parameters.Add(new NpgsqlParameter { Value = payloadJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        insert.Parameters.AddWithValue(at);
        insert.Parameters.AddWithValue(prevHash);
        insert.Parameters.AddWithValue(hash);
        var head = new NpgsqlBatchCommand("UPDATE decision_log_heads SET last_seq = $2, last_hash = $3 WHERE tenant_id = $1");
        head.Parameters.AddWithValue(scope.TenantId);
        head.Parameters.AddWithValue(seq);
        head.Parameters.AddWithValue(hash);
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(head);
        await batch.ExecuteNonQueryAsync(ct);
        return new DecisionLogEntry(seq, scope.TenantId, entry.Kind, entry.Actor, entry.OnBehalfOf, entry.SubjectType,
            entry.SubjectId, payloadJson, at, prevHash, hash);
    }

    private static async Task<(string PrevHash, long Seq)> LockHeadAsync(TenantScope scope, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using (var cmd = scope.Command(
                "SELECT last_hash, nextval('decision_log_seq') FROM decision_log_heads WHERE tenant_id = $1 FOR UPDATE"))
            {
                cmd.Parameters.AddWithValue(scope.TenantId);
                await using var r = await cmd.ExecuteReaderAsync(ct);
                if (await r.ReadAsync(ct)) return (r.GetString(0), r.GetInt64(1));
            }
            await using var init = scope.Command(
                "INSERT INTO decision_log_heads (tenant_id, last_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING");
            init.Parameters.AddWithValue(scope.TenantId);
            init.Parameters.AddWithValue(DecisionLogEntry.GenesisHash);
            await init.ExecuteNonQueryAsync(ct);
        }
        throw new InvalidOperationException("decision log head could not be created");
    }
}
