using System.Text.Json;
using AiGovernance.Core.Exceptions;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Exceptions;

/// <summary>
/// Turns a tenant's new decision-log entries into exceptions (and closes those the log shows dealt with).
/// The checkpoint row is locked for the pass and advanced in the same transaction as the exceptions, and
/// each exception has a unique dedup key: two workers, a crash or a retry never lose or duplicate one.
/// </summary>
public static class ExceptionProjector
{
    public const string JobKind = "exceptions.project";
    private const string JobSubject = "decision-log";

    /// <summary>Called by the decision-log writer for entries that may raise or close an exception.</summary>
    public static Task ScheduleAsync(TenantScope scope, DateTimeOffset now, CancellationToken ct) =>
        JobQueue.ScheduleAsync(scope, JobKind, JobSubject, now, ct);

    /// <summary>Projects up to <paramref name="batch"/> entries; returns how many it read (0 = caught up).</summary>
    public static async Task<int> ProjectAsync(TenantScope scope, TimeProvider clock, int batch, CancellationToken ct)
    {
        await using (var init = scope.Command("INSERT INTO exception_checkpoints (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING"))
        {
            init.Parameters.AddWithValue(scope.TenantId);
            await init.ExecuteNonQueryAsync(ct);
        }
        long last;
        await using (var lockRow = scope.Command("SELECT last_seq FROM exception_checkpoints WHERE tenant_id = $1 FOR UPDATE"))
        {
            lockRow.Parameters.AddWithValue(scope.TenantId);
            last = (long)(await lockRow.ExecuteScalarAsync(ct))!;
        }

        var events = new List<LoggedEvent>();
        await using (var read = scope.Command("""
            SELECT seq, kind, actor, subject_type, subject_id, payload::text, recorded_at FROM decision_log
            WHERE tenant_id = $1 AND seq > $2 AND kind = ANY($3) ORDER BY seq LIMIT $4
            """))
        {
            read.Parameters.AddWithValue(scope.TenantId);
            read.Parameters.AddWithValue(last);
            read.Parameters.AddWithValue(ExceptionEvents.Kinds.ToArray());
            read.Parameters.AddWithValue(batch);
            await using var r = await read.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                events.Add(new LoggedEvent(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), JsonDocument.Parse(r.GetString(5)).RootElement.Clone(), r.GetFieldValue<DateTimeOffset>(6)));
        }
        if (events.Count == 0) return 0;

        var now = clock.GetUtcNow();
        // Owner queues follow the policy active now: routing is configuration, like approval routing.
        var rules = (await PolicyStore.GetActiveAsync(scope, PolicyCache.Shared, ct))?.Policy.Exceptions ?? ExceptionRules.Default;
        foreach (var e in events)
        {
            var (raised, closed) = ExceptionEvents.Map(e);
            foreach (var x in raised) await InsertAsync(scope, e, x, rules.QueueFor(x.Type), now, ct);
            foreach (var c in closed) await CloseAsync(scope, e, c, ct);
        }
        await using (var advance = scope.Command("UPDATE exception_checkpoints SET last_seq = $2 WHERE tenant_id = $1"))
        {
            advance.Parameters.AddWithValue(scope.TenantId);
            advance.Parameters.AddWithValue(events[^1].Seq);
            await advance.ExecuteNonQueryAsync(ct);
        }
        return events.Count;
    }

    private static async Task InsertAsync(TenantScope scope, LoggedEvent e, RaisedException x, string queue, DateTimeOffset now, CancellationToken ct)
    {
        var definition = ExceptionTypes.All[x.Type];
        await using var cmd = scope.Command("""
            INSERT INTO exceptions (id, tenant_id, dedup_key, type, severity, owner_queue, subject_type, subject_id, requisition_id, title,
                                    evidence, confidence, status, source_seq, raised_at, updated_at)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, r.id, $10, $11, $12, 'open', $13, $14, $15
            FROM (SELECT $9::uuid AS wanted) w LEFT JOIN requisitions r ON r.id = w.wanted
            ON CONFLICT (tenant_id, dedup_key) DO NOTHING
            """);
        var p = cmd.Parameters;
        p.AddWithValue(Guid.CreateVersion7(now));
        p.AddWithValue(scope.TenantId);
        p.AddWithValue(x.DedupKey);
        p.AddWithValue(x.Type);
        p.AddWithValue(definition.Severity);
        p.AddWithValue(queue);
        p.AddWithValue(x.SubjectType);
        p.AddWithValue(x.SubjectId);
        p.AddWithValue(NpgsqlDbType.Uuid, (object?)x.RequisitionId ?? DBNull.Value);
        p.AddWithValue(x.Title.Length > 500 ? x.Title[..500] : x.Title);
        p.Add(new Npgsql.NpgsqlParameter { Value = x.Evidence.GetRawText(), NpgsqlDbType = NpgsqlDbType.Jsonb });
        p.AddWithValue(NpgsqlDbType.Double, (object?)x.Confidence ?? DBNull.Value);
        p.AddWithValue(e.Seq);
        p.AddWithValue(e.RecordedAt);
        p.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task CloseAsync(TenantScope scope, LoggedEvent e, ClosedBy c, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            UPDATE exceptions SET status = $3, resolution = $4, decided_by = $5, decided_at = $6, updated_at = $6
            WHERE tenant_id = $1 AND starts_with(dedup_key, $2) AND status IN ('open', 'assigned')
            """);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(c.DedupKeyPrefix);
        cmd.Parameters.AddWithValue(c.Confirmed ? "resolved" : "dismissed");
        cmd.Parameters.AddWithValue(c.Resolution);
        cmd.Parameters.AddWithValue(e.Actor);
        cmd.Parameters.AddWithValue(e.RecordedAt);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
