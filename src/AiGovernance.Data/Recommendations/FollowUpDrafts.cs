using AiGovernance.Core.Recommendations;
using AiGovernance.Data.Outbox;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Recommendations;

/// <summary>A follow-up draft (or escalation), the requisition it is about and, once accepted, the outbox message that carries it.</summary>
public sealed record FollowUpDraft(Recommendation Recommendation, string? RequisitionNumber, OutboxMessage? Message);

/// <summary>
/// What procurement operations works through on the follow-ups page: drafts waiting for a decision, and the
/// decided ones with what became of them (sent when, still retrying, dead-lettered, or rejected and why).
/// </summary>
public static class FollowUpDrafts
{
    public static readonly string[] Kinds = [RecommendationKinds.FollowUpMessage, RecommendationKinds.FollowUpEscalation];

    public static async Task<(IReadOnlyList<FollowUpDraft> Pending, IReadOnlyList<FollowUpDraft> Decided)> ListAsync(TenantScope scope, int limit,
        CancellationToken ct)
    {
        var recs = new List<Recommendation>();
        foreach (var kind in Kinds) recs.AddRange(await RecommendationStore.ListAsync(scope, null, kind, null, limit, ct));
        var numbers = await RequisitionNumbersAsync(scope, recs.Where(r => r.SubjectType == "requisition").Select(r => r.SubjectId).Distinct().ToList(), ct);
        var messages = await OutboxStore.ByKeysAsync(scope, recs.Where(r => r.TakesEffect).Select(r => FollowUpMessages.KeyFor(r.Id)).ToList(), ct);
        var all = recs.Select(r => new FollowUpDraft(r, numbers.GetValueOrDefault(r.SubjectId), messages.GetValueOrDefault(FollowUpMessages.KeyFor(r.Id)))).ToList();
        return (
            all.Where(d => d.Recommendation.Status == RecommendationStatus.Pending).OrderBy(d => d.Recommendation.ExpiresAt).ToList(),
            all.Where(d => d.Recommendation.Status != RecommendationStatus.Pending).OrderByDescending(d => d.Recommendation.DecidedAt).Take(limit).ToList());
    }

    private static async Task<Dictionary<string, string>> RequisitionNumbersAsync(TenantScope scope, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var guids = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToArray();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (guids.Length == 0) return map;
        await using var cmd = scope.Command("SELECT id, number FROM requisitions WHERE id = ANY($1)");
        cmd.Parameters.AddWithValue(guids);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) map[r.GetGuid(0).ToString()] = r.GetString(1);
        return map;
    }
}
