using Npgsql;

namespace AiGovernance.Data.Jobs;

/// <summary>Jobs due now, per kind, and how long the oldest has waited.</summary>
public sealed record JobQueueDepth(string Kind, long Due, double OldestDueSeconds);

/// <summary>
/// The work queue's health across tenants. The jobs table holds ids and due times only (no tenant data, no
/// row-level security; see migration 0002), so the application role reads it without a tenant scope.
/// </summary>
public static class JobQueueHealth
{
    public static async Task<IReadOnlyList<JobQueueDepth>> DueAsync(NpgsqlDataSource db, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT kind, count(*), extract(epoch FROM $1 - min(due_at))::float8
            FROM jobs WHERE due_at <= $1 GROUP BY kind ORDER BY kind
            """);
        cmd.Parameters.AddWithValue(now);
        var list = new List<JobQueueDepth>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new JobQueueDepth(r.GetString(0), r.GetInt64(1), Math.Max(0, r.GetDouble(2))));
        return list;
    }
}
