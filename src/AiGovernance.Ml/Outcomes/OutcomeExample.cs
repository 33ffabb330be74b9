namespace AiGovernance.Ml.Outcomes;

/// <summary>
/// A reviewer's decision on one detector recommendation, as a label: accepted or edited means the flag
/// was right (true), rejected means a false alarm (false).
/// </summary>
/// <param name="Decision">accepted, edited or rejected.</param>
public sealed record OutcomeLabel(Guid RecommendationId, string Tenant, DateTimeOffset DecidedAt, bool Label, string Decision,
    string? Reason, string ModelVersion);

/// <summary>One training row rebuilt from an outcome, in the kind's dataset format (a pair, a price line).</summary>
public sealed record OutcomeExample<TRow>(OutcomeLabel Outcome, TRow Row);

/// <summary>A requisition sent to reviewers without a label, to catch what the model missed.</summary>
public sealed record BlindReviewItem(string Tenant, Guid RequisitionId, string Number, string Detector, string ModelVersion, double? Score,
    DateTimeOffset ScoredAt);
