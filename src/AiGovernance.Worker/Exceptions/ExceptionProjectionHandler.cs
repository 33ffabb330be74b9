using AiGovernance.Data.Exceptions;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Worker.Exceptions;

/// <summary>
/// Job <c>exceptions.project</c>: catches a tenant's exceptions up with its decision log, a batch per
/// transaction. A log entry written while this pass runs moves the job's due time, so completing this
/// pass does not remove it and the newer entries get their own pass.
/// </summary>
public sealed class ExceptionProjectionHandler(NpgsqlDataSource db, TimeProvider clock) : IJobHandler
{
    private const int Batch = 500;

    public string Kind => ExceptionProjector.JobKind;

    public bool Urgent => true;

    public async Task<JobResult> HandleAsync(ClaimedJob job, CancellationToken ct)
    {
        for (var pass = 0; pass < 20; pass++)
        {
            await using var scope = await TenantScope.BeginAsync(db, job.TenantId, ct);
            var read = await ExceptionProjector.ProjectAsync(scope, clock, Batch, ct);
            // The learned probability is written by its own job after this commit, so scoring never delays the inbox.
            if (read > 0) await ExceptionScoringHandler.ScheduleAsync(scope, clock.GetUtcNow(), ct);
            await scope.CommitAsync(ct);
            if (read < Batch) return new JobResult.Done();
        }
        return new JobResult.RetryAt(clock.GetUtcNow()); // a large backlog: yield to other work, continue at once
    }
}
