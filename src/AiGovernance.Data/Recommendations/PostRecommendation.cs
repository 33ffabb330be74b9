using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Recommendations;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Recommendations;

/// <summary>
/// An AI component posts a recommendation: stored pending, logged, and its expiry scheduled — all in
/// the caller's transaction. The same (kind, subject, input hash) again returns the existing one, so a
/// producer that retries or re-runs on unchanged input never queues duplicates for reviewers.
/// </summary>
public static class PostRecommendation
{
    public const string ExpiryJobKind = "recommendation.expiry";

    public static async Task<(Recommendation Recommendation, bool Created)> ExecuteAsync(TenantScope scope, string posterId,
        RecommendationDraft draft, TimeProvider clock, CancellationToken ct)
    {
        draft.Validate();
        var now = clock.GetUtcNow();
        var subject = draft.Subject!;
        if (subject.Type == "requisition" && await RequisitionStore.GetAsync(scope, Guid.Parse(subject.Id!), ct) is null)
            throw ValidationFailedException.Single("subject.id", $"no requisition {subject.Id} in this tenant");

        var rec = new Recommendation
        {
            Id = Guid.CreateVersion7(now),
            Kind = draft.Kind!,
            SubjectType = subject.Type!,
            SubjectId = subject.Id!,
            Payload = draft.Payload is { ValueKind: JsonValueKind.Object } p ? p.Clone() : JsonDocument.Parse("{}").RootElement.Clone(),
            Confidence = draft.Confidence!.Value,
            Producer = draft.Producer!,
            Evidence = draft.Evidence ?? [],
            InputHash = draft.InputHash!,
            CreatedAt = now,
            ExpiresAt = now + draft.Lifetime,
        };
        if (!await RecommendationStore.TryInsertAsync(scope, rec, ct))
        {
            var existing = await RecommendationStore.FindAsync(scope, rec.Kind, rec.SubjectId, rec.InputHash, ct)
                ?? throw new InvalidOperationException("a conflicting recommendation vanished");
            return (existing, false);
        }
        await JobQueue.ScheduleAsync(scope, ExpiryJobKind, rec.Id.ToString(), rec.ExpiresAt, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.Recommendation, posterId, "recommendation", rec.Id.ToString(),
            new
            {
                recommendation_id = rec.Id,
                rec.Kind,
                subject = new { type = rec.SubjectType, id = rec.SubjectId },
                payload = rec.Payload,
                rec.Confidence,
                producer = rec.Producer,
                evidence = rec.Evidence,
                input_hash = rec.InputHash,
                expires_at = rec.ExpiresAt,
            }), clock, ct);
        return (rec, true);
    }
}
