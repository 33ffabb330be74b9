namespace AiGovernance.Core.Recommendations;

/// <summary>What the recommendation is about, e.g. ("requisition", its id).</summary>
public sealed record SubjectRef(string? Type, string? Id);

/// <summary>Which AI component produced it and in which version (model or prompt), so outcomes can be traced to versions.</summary>
public sealed record RecommendationProducer(string? Name, string? ModelVersion, string? PromptVersion);

/// <summary>A pointer to what the producer looked at (a requisition, a document page, a similar case) with an optional excerpt.</summary>
public sealed record EvidenceRef(string? Type, string? Ref, string? Excerpt);

/// <summary>
/// What an accepted recommendation changed. Applied is false when its kind has no automatic effect or
/// the subject no longer allows it; Why says which, so a person can follow up by hand.
/// </summary>
public sealed record RecommendationEffect(bool Applied, string? Why, string? Action, IReadOnlyDictionary<string, string?>? Details)
{
    public static RecommendationEffect NotApplied(string why) => new(false, why, null, null);
}

/// <summary>A human (never a service account) deciding on a recommendation.</summary>
public sealed record RecommendationDecider(string UserId, IReadOnlySet<string> Roles);

/// <summary>The result of a decision, as logged.</summary>
public sealed record RecommendationOutcome(
    RecommendationDecision? Decision,
    RecommendationStatus StatusBefore,
    RecommendationStatus StatusAfter,
    string DecidedBy,
    string? Reason);
