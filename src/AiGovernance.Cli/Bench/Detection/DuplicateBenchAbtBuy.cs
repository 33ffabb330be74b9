using System.Globalization;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Duplicates.Dataset;

namespace AiGovernance.Cli.Bench.Detection;

/// <summary>
/// Abt-Buy: the same features, blocker and sweep, trained on one half of the benchmark and measured
/// end-to-end on the other (pairs the blocker misses count as misses). Published matchers reach
/// ~0.6–0.9 F1 on this set. Also printed: the same pairs flagged with a one-to-one constraint (each
/// product keeps only its best match, as the benchmark's clean-clean setting implies), and a token baseline.
/// </summary>
public static class DuplicateBenchAbtBuy
{
    public static async Task<double> RunAsync(DetectionBenchContext context, EmbeddingCache cache, CancellationToken ct)
    {
        var o = context.Output;
        var (records, matches) = AbtBuyReader.Read(context.DataRoot);
        var (trainHalf, testHalf) = AbtBuySets.Split(records, matches, context.Seed);
        var train = await AbtBuySets.BlockAsync(trainHalf, cache, ct);
        var sample = DuplicatePairSampler.Sample(train.Set, train.Prepared, train.Candidates, context.Seed);
        var rows = DuplicateFeatureRows.Build(sample.Pairs, cache, context.Seed);
        var result = DuplicateModelTraining.Train(rows, DuplicateSweepCandidates.All(context.Seed, quick: true), folds: 3, context.Seed, "abt-buy",
            new StageProgress(context.Progress, "abt-buy sweep"), ct);

        var test = await AbtBuySets.BlockAsync(testHalf, cache, ct);
        var scored = DuplicateDetector.ScoreCandidates(result.Model, test.Prepared, test.Candidates, null, ct);
        var flagged = DuplicateDetector.Flagged(result.Model, scored, bestMatchOnly: false);
        var all = flagged.Select(s => Key(test, s)).ToHashSet();
        var oneToOne = OneToOne(test, flagged);
        var tokens = TokenBaseline(testHalf.Records, 0.5);
        var outcomes = new[]
        {
            DuplicateBenchTables.Count("model (threshold)", all, test.Set),
            DuplicateBenchTables.Count("model, one-to-one best match", oneToOne, test.Set),
            DuplicateBenchTables.Count("token Jaccard >= 0.5 (all pairs)", tokens, test.Set),
        };
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"train half: {trainHalf.Records.Count:N0} products, {rows.Count:N0} pairs, {result.Winner.Candidate.Name}, threshold {result.Threshold:0.###}; " +
            $"test half: {testHalf.Records.Count:N0} products, {test.Set.Truth.Count:N0} true matches, {test.Candidates.Count:N0} candidate pairs, {test.PositivesReachable:N0} matches reachable ({(double)test.PositivesReachable / test.Set.Truth.Count:P1})"));
        ConsoleProgress.PrintTable(DuplicateBenchTables.Compare(outcomes), o);
        return outcomes[0].F1;
    }

    private static (string, string) Key(BlockedSet set, ScoredPair s) => InjectedSet.Key(set.Prepared[s.Later].Record.Id, set.Prepared[s.Earlier].Record.Id);

    /// <summary>Greedy one-to-one: highest probability first, each record used once.</summary>
    private static HashSet<(string, string)> OneToOne(BlockedSet set, IEnumerable<ScoredPair> flagged)
    {
        var used = new HashSet<int>();
        var result = new HashSet<(string, string)>();
        foreach (var s in flagged.OrderByDescending(s => s.Probability).ThenBy(s => s.Later).ThenBy(s => s.Earlier))
        {
            if (used.Contains(s.Later) || used.Contains(s.Earlier)) continue;
            used.Add(s.Later);
            used.Add(s.Earlier);
            result.Add(Key(set, s));
        }
        return result;
    }

    private static HashSet<(string, string)> TokenBaseline(IReadOnlyList<DuplicateRecord> records, double min)
    {
        var tokens = records.Select(r => TextSimilarity.Tokens(r.Description)).ToList();
        var result = new HashSet<(string, string)>();
        for (var i = 0; i < records.Count; i++)
            for (var j = i + 1; j < records.Count; j++)
                if (TextSimilarity.Jaccard(tokens[i], tokens[j]) >= min) result.Add(InjectedSet.Key(records[i].Id, records[j].Id));
        return result;
    }
}
