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

    /// <summary>
    /// A person is waiting for this kind (the exception inbox): the runner looks for due jobs of urgent kinds between
    /// the other jobs of a batch, so fifty slow scoring jobs claimed together do not hold an exception up for seconds.
    /// </summary>
    bool Urgent => false;

    Task<JobResult> HandleAsync(ClaimedJob job, CancellationToken ct);
}
