namespace AiGovernance.Ml.Duplicates.Dataset;

/// <summary>
/// Labels the candidate pairs the blocker produces on an injected set, so training sees exactly the
/// pairs the detector will score. Keeps every positive; negatives are split into hard ones (same
/// supplier with a close amount, a similar reference or within a week: recurring payments, the natural
/// look-alikes) and the rest, and each group is sampled down to the size cap. A kept negative carries
/// the weight total/kept of its group, so weighted metrics and thresholds reflect the real balance.
/// </summary>
public static class DuplicatePairSampler
{
    public sealed record Result(List<LabelledPair> Pairs, int Candidates, int PositivesFound, int PositivesTotal, int HardNegatives, int EasyNegatives);

    /// <param name="hardShare">Of the negative budget, the share given to hard negatives.</param>
    public static Result Sample(InjectedSet set, IReadOnlyList<PreparedRecord> prepared, IReadOnlyList<(int Later, int Earlier)> candidates,
        int seed, int? maxPairs = null, double hardShare = 0.85)
    {
        var random = new Random(seed);
        var positives = new List<LabelledPair>();
        var hard = new List<(int, int)>();
        var easy = new List<(int, int)>();
        var features = new float[PairFeatures.Count];
        foreach (var (later, earlier) in candidates)
        {
            var a = prepared[later];
            var b = prepared[earlier];
            if (set.Truth.TryGetValue(InjectedSet.Key(a.Record.Id, b.Record.Id), out var kind))
            {
                positives.Add(new LabelledPair(Strip(a.Record), Strip(b.Record), true, kind, 1, a.SeriesCount));
                continue;
            }
            PairFeatures.Compute(a, b, features);
            var sameSupplier = features[0] == 1 || features[2] == 1;
            (sameSupplier && (features[6] >= 0.8 || features[4] >= 0.6 || features[12] <= 7) ? hard : easy).Add((later, earlier));
        }
        var budget = maxPairs is { } max ? Math.Max(0, max - positives.Count) : hard.Count + easy.Count;
        var hardKeep = Math.Min(hard.Count, (int)Math.Round(budget * (easy.Count == 0 ? 1 : hardShare)));
        var easyKeep = Math.Min(easy.Count, budget - hardKeep);
        hardKeep = Math.Min(hard.Count, budget - easyKeep); // give unused easy budget back to hard
        var pairs = new List<LabelledPair>(positives);
        pairs.AddRange(Take(hard, hardKeep, "hard-negative"));
        pairs.AddRange(Take(easy, easyKeep, "negative"));
        pairs = pairs.OrderBy(p => p.A.Date).ThenBy(p => p.A.Id, StringComparer.Ordinal).ThenBy(p => p.B.Id, StringComparer.Ordinal).ToList();
        return new Result(pairs, candidates.Count, positives.Count, set.Truth.Count, hardKeep, easyKeep);

        IEnumerable<LabelledPair> Take(List<(int Later, int Earlier)> group, int keep, string kind)
        {
            if (keep == 0) return [];
            var weight = (float)group.Count / keep;
            return group.Select(p => (p, r: random.Next())).OrderBy(x => x.r).Take(keep)
                .Select(x => new LabelledPair(Strip(prepared[x.p.Later].Record), Strip(prepared[x.p.Earlier].Record), false, kind, weight, prepared[x.p.Later].SeriesCount));
        }
    }

    private static DuplicateRecord Strip(DuplicateRecord r) => r.Embedding is null ? r : r with { Embedding = null };
}
