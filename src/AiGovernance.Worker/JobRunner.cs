using AiGovernance.Data.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Worker;

/// <summary>
/// Claims due jobs across tenants and runs each through its handler. One pass is
/// <see cref="RunDueAsync"/>, which tests call directly with a fake clock; the hosted loop calls it
/// on an interval. A handler that throws gets its job retried after a backoff.
/// </summary>
public sealed partial class JobRunner(NpgsqlDataSource db, IEnumerable<IJobHandler> handlers, TimeProvider clock,
    IOptions<WorkerOptions> options, ILogger<JobRunner> logger)
{
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind);
    private readonly List<string> _urgentKinds = [.. handlers.Where(h => h.Urgent).Select(h => h.Kind)];

    /// <summary>One pass; <paramref name="onlyTenant"/> (else Governance:Worker:TenantId) limits it to one tenant's jobs.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct, Guid? onlyTenant = null)
    {
        if (_handlers.Count == 0) return 0;
        var o = options.Value;
        var tenant = onlyTenant ?? o.TenantId;
        var jobs = await JobQueue.ClaimAsync(db, _handlers.Keys.ToList(), clock.GetUtcNow(), o.Lease, o.BatchSize, ct, tenant);
        var handled = jobs.Count;
        foreach (var job in jobs)
        {
            if (_urgentKinds.Count > 0 && !_handlers[job.Kind].Urgent) handled += await RunUrgentAsync(tenant, ct);
            await RunAsync(job, ct);
        }
        return handled;
    }

    /// <summary>Urgent jobs that fell due while the batch ran (one cheap claim when there are none).</summary>
    private async Task<int> RunUrgentAsync(Guid? tenant, CancellationToken ct)
    {
        var o = options.Value;
        var urgent = await JobQueue.ClaimAsync(db, _urgentKinds, clock.GetUtcNow(), o.Lease, o.BatchSize, ct, tenant);
        foreach (var job in urgent) await RunAsync(job, ct);
        return urgent.Count;
    }

    private async Task RunAsync(ClaimedJob job, CancellationToken ct)
    {
        try
        {
            var result = await _handlers[job.Kind].HandleAsync(job, ct);
            if (result is JobResult.RetryAt retry) await JobQueue.RescheduleAsync(db, job, retry.DueAt, ct);
            else await JobQueue.CompleteAsync(db, job, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogJobFailed(logger, ex, job.Kind, job.SubjectId, job.Attempts);
            await JobQueue.RescheduleAsync(db, job, clock.GetUtcNow() + options.Value.FailureBackoff, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Kind} {SubjectId} failed on attempt {Attempts}; retrying later")]
    private static partial void LogJobFailed(ILogger logger, Exception ex, string kind, string subjectId, int attempts);
}
