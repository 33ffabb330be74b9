namespace AiGovernance.Ml.Outcomes;

/// <summary>A tenant left out of an export and why (opted out of training, not selected).</summary>
public sealed record ExcludedTenant(string Tenant, string Reason);

/// <summary>A decided recommendation that could not be rebuilt into a training row (e.g. its matched requisition is gone).</summary>
public sealed record SkippedOutcome(Guid RecommendationId, string Reason);

/// <summary>
/// Everything one export writes, before it is written. <see cref="TrainRows"/> and <see cref="EvalRows"/> hold one
/// label per CSV row (a price-variance recommendation can yield several lines); the CSV text is in the kind's
/// dataset format, so <c>aigov models train</c> reads it unchanged. <see cref="HistoryCsv"/> (price variance) holds the
/// tenant's earlier purchase lines of the exported items: unlabelled, only ever used as the history lines are compared with.
/// </summary>
public sealed record OutcomeSnapshot(
    string Kind,
    string Producer,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    double EvalFraction,
    DateTimeOffset? SplitAt,
    IReadOnlyList<OutcomeLabel> TrainRows,
    IReadOnlyList<OutcomeLabel> EvalRows,
    string TrainCsv,
    string EvalCsv,
    IReadOnlyList<BlindReviewItem> BlindReview,
    IReadOnlyList<string> TenantsIncluded,
    IReadOnlyList<ExcludedTenant> TenantsExcluded,
    IReadOnlyList<SkippedOutcome> Skipped,
    string? HistoryCsv = null,
    int HistoryRows = 0)
{
    public IEnumerable<OutcomeLabel> AllRows => TrainRows.Concat(EvalRows);
}
