using AiGovernance.Data.Jobs;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Detection;

/// <summary>
/// Scoring is a job, scheduled in the transaction that submits (or re-routes) a requisition: the
/// submission never waits for a model, and a failed scoring run is retried by the worker.
/// </summary>
public static class DetectionJobs
{
    public const string Score = "detection.score";

    public static Task ScheduleScoringAsync(TenantScope scope, Guid requisitionId, DateTimeOffset now, CancellationToken ct) =>
        JobQueue.ScheduleAsync(scope, Score, requisitionId.ToString(), now, ct);
}
