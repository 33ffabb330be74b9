namespace AiGovernance.Ml.Outcomes;

/// <summary>Train on the earlier period, evaluate on the later one.</summary>
/// <param name="SplitAt">The first decided_at of the evaluation period (null when everything is training data).</param>
public sealed record TimeSplitResult<T>(IReadOnlyList<T> Train, IReadOnlyList<T> Eval, DateTimeOffset? SplitAt);

/// <summary>
/// Splits outcomes by decision time so that no evaluation example was decided before a training one:
/// a random split would let the model learn from later reviewer decisions and look better than it is.
/// The cut falls between two distinct timestamps, so outcomes decided at the same instant stay together.
/// </summary>
public static class TimeSplit
{
    public static TimeSplitResult<T> ByDecisionTime<T>(IEnumerable<T> examples, Func<T, OutcomeLabel> outcome, double evalFraction)
    {
        if (evalFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(evalFraction), evalFraction, "must be between 0 and 1");
        var ordered = Order(examples, outcome);
        if (ordered.Count == 0) return new([], [], null);
        var index = (int)Math.Ceiling(ordered.Count * (1 - evalFraction));
        if (index >= ordered.Count) index = ordered.Count - 1;
        var splitAt = outcome(ordered[index]).DecidedAt;
        // Everything decided at the cut instant goes to evaluation, never half and half.
        var train = ordered.TakeWhile(e => outcome(e).DecidedAt < splitAt).ToList();
        var eval = ordered.Skip(train.Count).ToList();
        return new(train, eval, train.Count == 0 ? null : splitAt);
    }

    /// <summary>The stable order of a snapshot: decision time, then recommendation id (rows of one recommendation keep their order).</summary>
    public static List<T> Order<T>(IEnumerable<T> examples, Func<T, OutcomeLabel> outcome) =>
        [.. examples.OrderBy(e => outcome(e).DecidedAt).ThenBy(e => outcome(e).RecommendationId)];
}
