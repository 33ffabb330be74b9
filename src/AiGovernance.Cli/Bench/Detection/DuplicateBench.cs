using System.Diagnostics;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Duplicates.Dataset;
using AiGovernance.Ml.Embeddings;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Bench.Detection;

/// <summary>
/// <c>aigov bench detection</c>, duplicate part: (1) end-to-end F1 of the shipped model on the Oxford
/// 2017–18 hold-out with injected duplicates, beside the exact-match and ERP-rule baselines run on the
/// same records; (2) Abt-Buy single-table F1 (a model trained on one half, measured on the other);
/// (3) training time on 100k labelled pairs.
/// </summary>
public static class DuplicateBench
{
    public static async Task<int> RunAsync(DetectionBenchContext context, CancellationToken ct)
    {
        RequireData(context.DataRoot);
        var o = context.Output;
        using var embedder = new MiniLmEmbedder();
        var cache = new EmbeddingCache(embedder);
        var oxford = OxfordSpendReader.Read(context.DataRoot);

        var model = await ModelAsync(context, oxford, cache, ct);
        o.WriteLine($"== Duplicates: Oxford spend hold-out (2017-01 on, injected duplicates), model {model.Version}, threshold {model.Threshold:0.####}");
        var holdOut = await DuplicateBenchHoldOut.RunAsync(context, model, oxford, cache, ct);

        o.WriteLine();
        o.WriteLine("== Duplicates: Abt-Buy single table (../shared/data/abt-buy/der/abtbuy), model trained on one half, measured on the other");
        await DuplicateBenchAbtBuy.RunAsync(context, cache, ct);

        o.WriteLine();
        var pairs = context.Quick ? 10_000 : 100_000;
        o.WriteLine($"== Duplicates: training time on {pairs:N0} labelled pairs (Oxford 2014-2016, injected duplicates), goal <= 120 s for 100k");
        var timing = await DuplicateBenchTraining.RunAsync(context, oxford, cache, pairs, ct);

        o.WriteLine();
        var ok = holdOut >= 0.95 && (context.Quick || timing <= 120);
        o.WriteLine($"duplicates goal (F1 >= 0.95 on the hold-out{(context.Quick ? "" : ", 100k-pair training <= 120 s")}): {(ok ? "met" : "NOT met")}");
        return ok ? 0 : 2;
    }

    private static void RequireData(string root)
    {
        string[] needed = [OxfordSpendReader.RelativePath, Path.Combine(AbtBuyReader.RelativeDirectory, "abtbuy.csv"), Path.Combine(AbtBuyReader.RelativeDirectory, "gt.csv")];
        var missing = needed.Where(n => !File.Exists(Path.Combine(root, n))).ToList();
        if (missing.Count > 0)
            throw new CliException($"the duplicate bench needs the real data under {Path.GetFullPath(root)} (missing: {string.Join(", ", missing)}); " +
                "put ../shared/data next to the checkout or pass its location");
    }

    /// <summary>The shipped model (active in the registry, else the newest version); trained here from the Oxford training period if none exists.</summary>
    private static async Task<DuplicateModel> ModelAsync(DetectionBenchContext context, IReadOnlyList<DuplicateRecord> oxford, EmbeddingCache cache, CancellationToken ct)
    {
        var registry = new ModelRegistry(context.ModelsRoot);
        var version = registry.ActiveVersion("duplicate") ?? registry.Versions("duplicate").LastOrDefault();
        if (version is not null) return DuplicateModel.Load(registry.DirectoryOf("duplicate", version));
        context.Output.WriteLine($"(no duplicate model under {registry.Root}: training one on Oxford 2014-2016 for this run)");
        var real = OxfordDuplicateSets.Period(oxford, DuplicateDatasetBuilder.TrainFrom, OxfordDuplicateSets.EvalFrom);
        var blocked = await OxfordDuplicateSets.BuildAsync(real, OxfordDuplicateSets.TrainInjectionRate, context.Seed, cache, new BlockingOptions(), new StageProgress(context.Progress, "blocking (training period)"), ct);
        var sample = DuplicatePairSampler.Sample(blocked.Set, blocked.Prepared, blocked.Candidates, context.Seed, DuplicateDatasetBuilder.MaxTrainPairs);
        var rows = DuplicateFeatureRows.Build(sample.Pairs, cache, context.Seed);
        var watch = Stopwatch.StartNew();
        var result = DuplicateModelTraining.Train(rows, DuplicateSweepCandidates.All(context.Seed, quick: true), folds: 3, context.Seed, "bench-trained",
            new StageProgress(context.Progress, "sweep"), ct);
        context.Output.WriteLine($"(trained {result.Winner.Candidate.Name} in {watch.Elapsed.TotalSeconds:0.0} s)");
        return result.Model;
    }
}
