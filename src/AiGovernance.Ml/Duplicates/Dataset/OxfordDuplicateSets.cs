namespace AiGovernance.Ml.Duplicates.Dataset;

/// <summary>An injected record set ready for detection: prepared records (with embeddings) and the blocker's candidate pairs.</summary>
public sealed record BlockedSet(InjectedSet Set, List<PreparedRecord> Prepared, List<(int Later, int Earlier)> Candidates)
{
    /// <summary>Injected duplicates the blocker put in front of the classifier (end-to-end recall cannot exceed this).</summary>
    public int PositivesReachable => Candidates.Count(c => Set.IsDuplicate(Prepared[c.Later].Record.Id, Prepared[c.Earlier].Record.Id));
}

/// <summary>
/// The Oxford periods: training from 2014-01 to 2016-12, evaluation (the hold-out) from 2017-01 on.
/// A time split, so no payment, and no recurring series' later months, is seen by both sides.
/// </summary>
public static class OxfordDuplicateSets
{
    public static readonly DateOnly EvalFrom = new(2017, 1, 1);
    /// <summary>Training injects more duplicates (more positives per committed byte); the hold-out keeps a sparser 6 %.</summary>
    public const double TrainInjectionRate = 0.12;
    public const double EvalInjectionRate = 0.06;

    public static List<DuplicateRecord> Period(IEnumerable<DuplicateRecord> all, DateOnly from, DateOnly until) =>
        all.Where(r => r.Date >= from && r.Date < until).ToList();

    public static async Task<BlockedSet> BuildAsync(IReadOnlyList<DuplicateRecord> real, double injectionRate, int seed, EmbeddingCache? embeddings,
        BlockingOptions blocking, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var set = InjectedSet.Create(real, injectionRate, seed);
        var records = embeddings is null ? set.Records : await embeddings.AttachAsync(set.Records, null, ct);
        var prepared = records.Select(r => new PreparedRecord(r)).ToList();
        AmountSeries.Annotate(prepared);
        var candidates = CandidateBlocker.Candidates(prepared, blocking, progress, ct);
        return new BlockedSet(set, prepared, candidates);
    }
}
