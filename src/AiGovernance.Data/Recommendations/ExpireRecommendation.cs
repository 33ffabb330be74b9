using AiGovernance.Core.Recommendations;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Recommendations;

/// <summary>Stale recommendations expire: nobody decided in time, so they never take effect.</summary>
public static class ExpireRecommendation
{
    /// <summary>
    /// Expires the recommendation if it is still pending and due. Returns when to look again if it is
    /// not due yet (its expiry moved), otherwise null: expired now, already decided, or gone.
    /// </summary>
    public static async Task<DateTimeOffset?> ExecuteAsync(TenantScope scope, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var rec = await RecommendationStore.LoadForUpdateAsync(scope, id, ct);
        if (rec is null || rec.Status != RecommendationStatus.Pending) return null;
        if (!rec.IsStale(clock.GetUtcNow())) return rec.ExpiresAt;
        await ExpireAsync(scope, rec, clock, ct);
        return null;
    }

    internal static async Task ExpireAsync(TenantScope scope, Recommendation rec, TimeProvider clock, CancellationToken ct)
    {
        var outcome = rec.Expire(clock.GetUtcNow());
        await RecommendationStore.SaveOutcomeAsync(scope, rec, ct);
        await Jobs.JobQueue.CancelAsync(scope, PostRecommendation.ExpiryJobKind, rec.Id.ToString(), ct);
        await DecideOnRecommendation.LogOutcomeAsync(scope, rec, outcome, clock, ct);
    }
}
