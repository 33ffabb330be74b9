using System.Text.Json;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Api.Features.Recommendations;

/// <summary>The API shape of a recommendation, with who may decide it and, once decided, what it changed.</summary>
public sealed record RecommendationView(
    Guid Id,
    string Kind,
    SubjectRef Subject,
    JsonElement Payload,
    double Confidence,
    RecommendationProducer Producer,
    IReadOnlyList<EvidenceRef> Evidence,
    string InputHash,
    string Status,
    IReadOnlyList<string> DecidableBy,
    string? DecidedBy,
    string? DecisionReason,
    JsonElement? EditedPayload,
    RecommendationEffect? Effect,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt)
{
    public static RecommendationView From(Recommendation r) => new(r.Id, r.Kind, new SubjectRef(r.SubjectType, r.SubjectId), r.Payload, r.Confidence,
        r.Producer, r.Evidence, r.InputHash, r.Status.ToSnakeCase(), RecommendationDeciders.RolesFor(r.Kind), r.DecidedBy, r.DecisionReason,
        r.EditedPayload, r.Effect, r.ExpiresAt, r.CreatedAt, r.DecidedAt);
}

/// <summary>What an AI component posts. expires_in_hours defaults to 7 days, at most 30 days.</summary>
public sealed record PostRecommendationRequest(
    string? Kind,
    SubjectRef? Subject,
    JsonElement? Payload,
    double? Confidence,
    RecommendationProducer? Producer,
    IReadOnlyList<EvidenceRef>? Evidence,
    string? InputHash,
    int? ExpiresInHours)
{
    public RecommendationDraft ToDraft() => new(Kind, Subject, Payload, Confidence, Producer, Evidence, InputHash, ExpiresInHours);
}

/// <summary>accept | edit | reject; a reason is required for edit and reject, the corrected payload for edit.</summary>
public sealed record RecommendationDecisionRequest(string? Decision, string? Reason, JsonElement? Payload);
