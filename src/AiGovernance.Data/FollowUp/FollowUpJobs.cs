using AiGovernance.Data.Jobs;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.FollowUp;

/// <summary>The follow-up agent runs per requisition (job <c>agent.follow_up</c>); one pending run per requisition at a time.</summary>
public static class FollowUpJobs
{
    public const string Kind = "agent.follow_up";

    public static Task ScheduleAsync(TenantScope scope, Guid requisitionId, TimeProvider clock, CancellationToken ct) =>
        JobQueue.ScheduleAsync(scope, Kind, requisitionId.ToString(), clock.GetUtcNow(), ct);
}
