using AiGovernance.Data.Jobs;

namespace AiGovernance.Worker;

/// <summary>What a job handler decided: done (the job row goes), or try again at a given time.</summary>
public abstract record JobResult
{
    public sealed record Done : JobResult;
    public sealed record RetryAt(DateTimeOffset DueAt) : JobResult;
}

/// <summary>Handles the jobs of one kind. Handlers open their own tenant scope for the job's tenant.</summary>
public interface IJobHandler
{
    string Kind { get; }
    Task<JobResult> HandleAsync(ClaimedJob job, CancellationToken ct);
}
