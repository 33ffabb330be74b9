using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Reporting;

/// <summary>Outbound delivery: what waits in the outbox now and what failed in the range.</summary>
internal static class DeliveryFigures
{
    public static async Task<OutboxBacklog> OutboxBacklogAsync(TenantScope scope, ReportRange range, DateTimeOffset asOf, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT count(*) FILTER (WHERE status = 'pending'),
                   count(*) FILTER (WHERE status = 'pending' AND attempts > 0),
                   count(*) FILTER (WHERE status = 'dead'),
                   extract(epoch FROM $3 - min(created_at) FILTER (WHERE status = 'pending'))::float8,
                   count(*) FILTER (WHERE last_error IS NOT NULL AND created_at >= $1 AND created_at < $2)
            FROM outbox_messages WHERE status <> 'delivered' OR (created_at >= $1 AND created_at < $2)
            """);
        ApprovalFigures.AddRange(cmd, range);
        cmd.Parameters.AddWithValue(asOf);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new OutboxBacklog(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.IsDBNull(3) ? null : Math.Max(0, r.GetDouble(3)), r.GetInt64(4));
    }
}
