using System.Text.Json;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Recommendations;

/// <summary>
/// An AI recommendation waiting at the human checkpoint. It changes state only through
/// <see cref="Decide"/> and <see cref="Expire"/>: pending → accepted | edited | rejected | expired, and
/// nothing leaves a final state (409 recommendation_not_pending), so an effect can be applied at most once.
/// </summary>
public sealed class Recommendation
{
    public required Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string SubjectType { get; init; }
    public required string SubjectId { get; init; }
    public required JsonElement Payload { get; init; }
    public required double Confidence { get; init; }
    public required RecommendationProducer Producer { get; init; }
    public required IReadOnlyList<EvidenceRef> Evidence { get; init; }
    public required string InputHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public RecommendationStatus Status { get; set; } = RecommendationStatus.Pending;
    public string? DecidedBy { get; set; }
    public string? DecisionReason { get; set; }
    public JsonElement? EditedPayload { get; set; }
    public RecommendationEffect? Effect { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The payload the effect acts on: the reviewer's edit when there is one.</summary>
    public JsonElement EffectivePayload => EditedPayload ?? Payload;

    public bool IsStale(DateTimeOffset now) => Status == RecommendationStatus.Pending && now >= ExpiresAt;

    /// <summary>
    /// A human decision. <paramref name="subjectOwnerId"/> is the person the subject belongs to (the
    /// requester of a requisition): they never decide on a recommendation about their own request.
    /// A stale pending one throws recommendation_expired so the caller can record its expiry.
    /// </summary>
    public RecommendationOutcome Decide(RecommendationDecider decider, RecommendationDecision decision, string? reason,
        JsonElement? editedPayload, string? subjectOwnerId, DateTimeOffset now)
    {
        RecommendationDeciders.Check(Kind, decider);
        if (subjectOwnerId is not null && string.Equals(subjectOwnerId, decider.UserId, StringComparison.Ordinal))
            throw DomainException.Forbidden("sod_subject_owner_cannot_decide",
                $"{decider.UserId} owns the {SubjectType} this recommendation is about and cannot decide on it.");
        ValidateDecision(decision, reason, editedPayload);
        if (Status != RecommendationStatus.Pending)
            throw DomainException.Conflict("recommendation_not_pending",
                $"Recommendation {Id} is {Status.ToSnakeCase()}; only pending recommendations take decisions.");
        if (IsStale(now))
            throw DomainException.Conflict("recommendation_expired", $"Recommendation {Id} expired at {ExpiresAt:O}; it can no longer be decided.");

        var before = Status;
        Status = decision switch
        {
            RecommendationDecision.Accept => RecommendationStatus.Accepted,
            RecommendationDecision.Edit => RecommendationStatus.Edited,
            _ => RecommendationStatus.Rejected,
        };
        DecidedBy = decider.UserId;
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == RecommendationDecision.Edit) EditedPayload = editedPayload;
        DecidedAt = now;
        return new RecommendationOutcome(decision, before, Status, decider.UserId, DecisionReason);
    }

    /// <summary>Only accepted or edited recommendations may take effect.</summary>
    public bool TakesEffect => Status is RecommendationStatus.Accepted or RecommendationStatus.Edited;

    /// <summary>Marks a stale pending recommendation expired (the expiry job, or a decision that came too late).</summary>
    public RecommendationOutcome Expire(DateTimeOffset now)
    {
        if (Status != RecommendationStatus.Pending)
            throw DomainException.Conflict("recommendation_not_pending", $"Recommendation {Id} is {Status.ToSnakeCase()}; only pending ones expire.");
        if (now < ExpiresAt)
            throw DomainException.Conflict("recommendation_not_due", $"Recommendation {Id} expires at {ExpiresAt:O}, not before.");
        Status = RecommendationStatus.Expired;
        DecidedAt = now;
        return new RecommendationOutcome(null, RecommendationStatus.Pending, Status, "system", "expired without a decision");
    }

    private static void ValidateDecision(RecommendationDecision decision, string? reason, JsonElement? editedPayload)
    {
        var e = new FieldErrors();
        if (decision != RecommendationDecision.Accept && string.IsNullOrWhiteSpace(reason))
            e.Add("reason", "is required to reject or edit a recommendation");
        if (reason is { Length: > 4000 }) e.Add("reason", "must be at most 4000 characters");
        var hasPayload = editedPayload is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) };
        if (decision == RecommendationDecision.Edit && !hasPayload) e.Add("payload", "is required for an edit: the corrected payload");
        else if (decision != RecommendationDecision.Edit && hasPayload) e.Add("payload", "is only accepted with decision 'edit'");
        else RecommendationDraft.CheckPayload(editedPayload, "payload", e);
        e.ThrowIfAny();
    }
}
