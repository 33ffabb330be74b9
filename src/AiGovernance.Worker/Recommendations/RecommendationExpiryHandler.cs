using AiGovernance.Data.Jobs;
using AiGovernance.Data.Recommendations;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Worker.Recommendations;

/// <summary>Expires a recommendation nobody decided on in time (job scheduled when it was posted).</summary>
public sealed class RecommendationExpiryHandler(NpgsqlDataSource db, TimeProvider clock) : IJobHandler
{
    public string Kind => PostRecommendation.ExpiryJobKind;

    public async Task<JobResult> HandleAsync(ClaimedJob job, CancellationToken ct)
    {
        if (!Guid.TryParse(job.SubjectId, out var id)) return new JobResult.Done();
        await using var scope = await TenantScope.BeginAsync(db, job.TenantId, ct);
        var notYet = await ExpireRecommendation.ExecuteAsync(scope, id, clock, ct);
        await scope.CommitAsync(ct);
        return notYet is { } dueAt ? new JobResult.RetryAt(dueAt) : new JobResult.Done();
    }
}
