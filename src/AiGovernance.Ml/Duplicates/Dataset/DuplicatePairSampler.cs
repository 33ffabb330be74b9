namespace AiGovernance.Ml.Duplicates.Dataset;

/// <summary>
/// Labels the candidate pairs the blocker produces on an injected set, so training sees exactly the
/// pairs the detector will score. Keeps every positive and every hard negative (same supplier with a
/// close amount, a similar reference or within a week: recurring payments, the natural look-alikes),
/// and a seeded sample of the easy negatives.
/// </summary>
public static class DuplicatePairSampler
{
    public sealed record Result(List<LabelledPair> Pairs, int Candidates, int PositivesFound, int PositivesTotal, int HardNegatives, int EasyNegatives);

    public static Result Sample(InjectedSet set, IReadOnlyList<PreparedRecord> prepared, IReadOnlyList<(int Later, int Earlier)> candidates,
        double easyNegativeRate, int seed, int? maxPairs = null)
    {
        var random = new Random(seed);
        var pairs = new List<LabelledPair>();
        int positives = 0, hard = 0, easy = 0;
        var features = new float[PairFeatures.Count];
        foreach (var (later, earlier) in candidates)
        {
            var a = prepared[later];
            var b = prepared[earlier];
            if (set.Truth.TryGetValue(InjectedSet.Key(a.Record.Id, b.Record.Id), out var kind))
            {
                positives++;
                pairs.Add(new LabelledPair(Strip(a.Record), Strip(b.Record), true, kind));
                continue;
            }
            PairFeatures.Compute(a, b, features);
            var sameSupplier = features[0] == 1 || features[2] == 1;
            var isHard = sameSupplier && (features[6] >= 0.8 || features[4] >= 0.6 || features[12] <= 7);
            if (isHard) { hard++; pairs.Add(new LabelledPair(Strip(a.Record), Strip(b.Record), false, "hard-negative")); }
            else if (random.NextDouble() < easyNegativeRate) { easy++; pairs.Add(new LabelledPair(Strip(a.Record), Strip(b.Record), false, "negative")); }
        }
        if (maxPairs is { } max && pairs.Count > max)
        {
            // Keep all positives; sample negatives down to the cap, deterministically.
            var pos = pairs.Where(p => p.Label).ToList();
            var neg = pairs.Where(p => !p.Label).OrderBy(_ => random.Next()).Take(Math.Max(0, max - pos.Count)).ToList();
            pairs = [.. pos, .. neg];
            hard = neg.Count(p => p.Kind == "hard-negative");
            easy = neg.Count - hard;
            pairs = pairs.OrderBy(p => p.A.Date).ThenBy(p => p.A.Id, StringComparer.Ordinal).ThenBy(p => p.B.Id, StringComparer.Ordinal).ToList();
        }
        return new Result(pairs, candidates.Count, positives, set.Truth.Count, hard, easy);
    }

    private static DuplicateRecord Strip(DuplicateRecord r) => r.Embedding is null ? r : r with { Embedding = null };
}
