using Npgsql;

namespace AiGovernance.Data.Jobs;

/// <summary>A claimed unit of work: which tenant, what kind, about which subject.</summary>
public sealed record ClaimedJob(long Id, Guid TenantId, string Kind, string SubjectId, int Attempts, DateTimeOffset DueAt);

/// <summary>
/// The cross-tenant work queue (table <c>jobs</c>). Jobs are scheduled inside the business
/// transaction that makes them necessary, claimed with FOR UPDATE SKIP LOCKED under a lease (so any
/// number of worker hosts can share it, and a crashed worker's jobs come back when the lease ends),
/// and completed or rescheduled by the worker that claimed them.
/// </summary>
public static class JobQueue
{
    /// <summary>PostgreSQL channel a scheduled job is announced on.</summary>
    public const string WakeChannel = "aigov_jobs";

    /// <summary>Schedules (or moves) the one job of this kind for this subject.</summary>
    public static async Task ScheduleAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid tenantId, string kind, string subjectId,
        DateTimeOffset dueAt, CancellationToken ct)
    {
        // The notification reaches listening workers when the transaction commits (JobLoop wakes at once instead of at its next poll).
        await using var cmd = new NpgsqlCommand($"""
            WITH scheduled AS (
                INSERT INTO jobs (tenant_id, kind, subject_id, due_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (tenant_id, kind, subject_id) DO UPDATE SET due_at = excluded.due_at, locked_until = NULL
                RETURNING 1)
            SELECT pg_notify('{WakeChannel}', '') FROM scheduled
            """, conn, tx);
        cmd.Parameters.AddWithValue(tenantId);
        cmd.Parameters.AddWithValue(kind);
        cmd.Parameters.AddWithValue(subjectId);
        cmd.Parameters.AddWithValue(dueAt);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static Task ScheduleAsync(Tenancy.TenantScope scope, string kind, string subjectId, DateTimeOffset dueAt, CancellationToken ct) =>
        ScheduleAsync(scope.Connection, scope.Transaction, scope.TenantId, kind, subjectId, dueAt, ct);

    public static async Task CancelAsync(Tenancy.TenantScope scope, string kind, string subjectId, CancellationToken ct)
    {
        await using var cmd = scope.Command("DELETE FROM jobs WHERE tenant_id = $3 AND kind = $1 AND subject_id = $2");
        cmd.Parameters.AddWithValue(kind);
        cmd.Parameters.AddWithValue(subjectId);
        cmd.Parameters.AddWithValue(scope.TenantId);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due jobs of the given kinds for <paramref name="lease"/>;
    /// <paramref name="tenantId"/> restricts the claim to one tenant (a dedicated worker, or a test).
    /// </summary>
    public static async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(NpgsqlDataSource db, IReadOnlyList<string> kinds, DateTimeOffset now,
        TimeSpan lease, int limit, CancellationToken ct, Guid? tenantId = null)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE jobs SET locked_until = $3, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM jobs
                WHERE kind = ANY($1) AND due_at <= $2 AND (locked_until IS NULL OR locked_until <= $2)
                  AND ($5::uuid IS NULL OR tenant_id = $5)
                ORDER BY due_at
                LIMIT $4
                FOR UPDATE SKIP LOCKED)
            RETURNING id, tenant_id, kind, subject_id, attempts, due_at
            """);
        cmd.Parameters.AddWithValue(kinds.ToArray());
        cmd.Parameters.AddWithValue(now);
        cmd.Parameters.AddWithValue(now + lease);
        cmd.Parameters.AddWithValue(limit);
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Uuid, tenantId is { } t ? t : DBNull.Value);
        var list = new List<ClaimedJob>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new ClaimedJob(r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetFieldValue<DateTimeOffset>(5)));
        // RETURNING comes in no particular order; run the batch oldest first.
        return [.. list.OrderBy(j => j.DueAt).ThenBy(j => j.Id)];
    }

    /// <summary>Removes a finished job (only if it was not rescheduled meanwhile by a newer change).</summary>
    public static async Task CompleteAsync(NpgsqlDataSource db, ClaimedJob job, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("DELETE FROM jobs WHERE id = $1 AND due_at = $2");
        cmd.Parameters.AddWithValue(job.Id);
        cmd.Parameters.AddWithValue(job.DueAt);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Releases the lease and sets the next due time (retries, the next SLA timer).</summary>
    public static async Task RescheduleAsync(NpgsqlDataSource db, ClaimedJob job, DateTimeOffset dueAt, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("UPDATE jobs SET due_at = $2, locked_until = NULL WHERE id = $1");
        cmd.Parameters.AddWithValue(job.Id);
        cmd.Parameters.AddWithValue(dueAt);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
