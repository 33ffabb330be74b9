using System.Globalization;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Duplicates.Dataset;
using Microsoft.ML;

namespace AiGovernance.Cli.Bench.Detection;

/// <summary>Wall time of fitting each trainer family on N labelled pairs (feature extraction timed separately).</summary>
public static class DuplicateBenchTraining
{
    /// <returns>Seconds of the slowest boosted-tree fit (the kind the sweep ships).</returns>
    public static async Task<double> RunAsync(DetectionBenchContext context, IReadOnlyList<DuplicateRecord> oxford, EmbeddingCache cache, int pairs, CancellationToken ct)
    {
        // Quick (smoke) runs block one year instead of three; the 10k pairs they time come out of it easily.
        var real = OxfordDuplicateSets.Period(oxford, context.Quick ? new DateOnly(2016, 1, 1) : DateOnly.MinValue, OxfordDuplicateSets.EvalFrom);
        var blocked = await OxfordDuplicateSets.BuildAsync(real, OxfordDuplicateSets.TrainInjectionRate, context.Seed + 2, cache, new BlockingOptions(), new StageProgress(context.Progress, "blocking 2014-2016"), ct);
        var sample = DuplicatePairSampler.Sample(blocked.Set, blocked.Prepared, blocked.Candidates, context.Seed, pairs);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rows = DuplicateFeatureRows.Build(sample.Pairs, cache, context.Seed);
        var featureSeconds = watch.Elapsed.TotalSeconds;

        var table = new List<IReadOnlyList<string>> { new[] { "trainer", "pairs", "duplicates", "fit seconds", "pairs/s", "vs 120 s goal" } };
        double slowestTree = 0;
        foreach (var candidate in new[]
                 {
                     DuplicateSweepCandidates.LightGbm(context.Seed, leaves: 63, iterations: 300, learningRate: 0.05, minLeaf: 10, weighted: false), // shipped (2026-11-29.2)
                     DuplicateSweepCandidates.LightGbm(context.Seed, leaves: 63, iterations: 300, learningRate: 0.05, minLeaf: 10),
                     DuplicateSweepCandidates.LightGbm(context.Seed, leaves: 127, iterations: 500, learningRate: 0.05, minLeaf: 5), // the largest in the sweep
                     DuplicateSweepCandidates.FastTree(leaves: 20, trees: 100, learningRate: 0.2),
                     DuplicateSweepCandidates.Sdca(l2: 1e-4),
                 })
        {
            var ml = new MLContext(context.Seed);
            var data = ml.Data.LoadFromEnumerable(rows);
            var (_, seconds) = DuplicateModelTraining.Fit(ml, data, candidate);
            if (candidate.Trainer != "SdcaLogisticRegression") slowestTree = Math.Max(slowestTree, seconds);
            table.Add([candidate.Name, DuplicateBenchTables.N(rows.Count), DuplicateBenchTables.N(rows.Count(r => r.Label)),
                seconds.ToString("0.0", CultureInfo.InvariantCulture), (rows.Count / Math.Max(seconds, 1e-9)).ToString("N0", CultureInfo.InvariantCulture),
                (seconds / 120).ToString("0.00x", CultureInfo.InvariantCulture)]);
        }
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{blocked.Candidates.Count:N0} candidate pairs from {real.Count:N0} records -> {rows.Count:N0} labelled pairs; feature extraction {featureSeconds:0.0} s ({rows.Count / Math.Max(featureSeconds, 1e-9):N0} pairs/s)"));
        ConsoleProgress.PrintTable(table, context.Output);
        return slowestTree;
    }
}
