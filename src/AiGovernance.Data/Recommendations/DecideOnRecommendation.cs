using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Recommendations;

/// <summary>
/// The human checkpoint. The recommendation row lock and the pending-only state machine make the
/// effect happen at most once; it is applied, stored and logged in the same transaction as the decision.
/// </summary>
public static class DecideOnRecommendation
{
    /// <summary>The decision as typed (API body or page form); reason and payload rules are the recommendation's own.</summary>
    public static RecommendationDecision ParseDecision(string? decision) =>
        EnumNames.TryParseSnake<RecommendationDecision>(decision, out var d) ? d
            : throw ValidationFailedException.Single("decision", "must be one of accept, edit, reject");

    public static async Task<Recommendation> ExecuteAsync(TenantScope scope, RecommendationDecider decider, Guid id, RecommendationDecision decision,
        string? reason, JsonElement? editedPayload, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rec = await RecommendationStore.LoadForUpdateAsync(scope, id, ct)
            ?? throw DomainException.NotFound("recommendation_not_found", $"Recommendation {id} was not found.");
        var requisition = rec.SubjectType == "requisition" && Guid.TryParse(rec.SubjectId, out var reqId)
            ? await RequisitionStore.LoadForUpdateAsync(scope, reqId, ct)
            : null;

        RecommendationOutcome outcome;
        try
        {
            outcome = rec.Decide(decider, decision, reason, editedPayload, requisition?.Requisition.RequesterId, now);
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.Forbidden)
        {
            // A refused attempt (an agent trying to decide, the requester judging their own request) is itself logged.
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.SodRefusal, decider.UserId, "recommendation", rec.Id.ToString(),
                new { recommendation_id = rec.Id, rec.Kind, decision, code = ex.Code, reason = ex.Message }), clock, ct);
            await scope.CommitAsync(ct);
            throw;
        }
        catch (DomainException ex) when (ex.Code == "recommendation_expired")
        {
            // The expiry job has not run yet; record the expiry now so the state matches what the caller was told.
            await ExpireRecommendation.ExpireAsync(scope, rec, clock, ct);
            await scope.CommitAsync(ct);
            throw;
        }

        if (rec.TakesEffect) rec.Effect = await RecommendationEffects.ApplyAsync(scope, rec, requisition, decider.UserId, clock, ct);
        await RecommendationStore.SaveOutcomeAsync(scope, rec, ct);
        await JobQueue.CancelAsync(scope, PostRecommendation.ExpiryJobKind, rec.Id.ToString(), ct);
        await LogOutcomeAsync(scope, rec, outcome, clock, ct);
        return rec;
    }

    internal static Task LogOutcomeAsync(TenantScope scope, Recommendation rec, RecommendationOutcome outcome, TimeProvider clock, CancellationToken ct) =>
        DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.RecommendationOutcome, outcome.DecidedBy, "recommendation", rec.Id.ToString(),
            new
            {
                recommendation_id = rec.Id,
                rec.Kind,
                subject = new { type = rec.SubjectType, id = rec.SubjectId },
                outcome = outcome.StatusAfter,
                decision = outcome.Decision,
                outcome.Reason,
                edited_payload = rec.EditedPayload,
                effect = rec.Effect,
                rec.Confidence,
                producer = rec.Producer,
                input_hash = rec.InputHash,
            }), clock, ct);
}
