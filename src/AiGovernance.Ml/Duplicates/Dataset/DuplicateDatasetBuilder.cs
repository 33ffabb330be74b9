using System.Text.Json;
using AiGovernance.Ml.Embeddings;

namespace AiGovernance.Ml.Duplicates.Dataset;

/// <summary>
/// <c>aigov datasets duplicates</c>: regenerates datasets/duplicate deterministically from ../shared/data.
/// train.csv = Oxford 2014–2016 with injected duplicates, eval.csv = Oxford 2017–2018 (time hold-out),
/// abtbuy-train.csv / abtbuy-eval.csv = the two Abt-Buy halves. Pairs are the blocker's candidates,
/// labelled by the injection (or the benchmark's ground truth), capped in size so the folder stays small.
/// </summary>
public static class DuplicateDatasetBuilder
{
    public static readonly DateOnly TrainFrom = new(2014, 1, 1);
    public const int MaxTrainPairs = 13_000;
    public const int MaxEvalPairs = 4_000;
    public const int MaxAbtBuyPairs = 2_500;

    public static async Task<IReadOnlyList<string>> BuildAsync(string dataRoot, string outDir, int seed, ITextEmbedder embedder,
        IProgress<(string Stage, int Done, int Total)> progress, CancellationToken ct)
    {
        var cache = new EmbeddingCache(embedder);
        var oxford = OxfordSpendReader.Read(dataRoot);
        var lines = new List<string>();
        var manifest = new Dictionary<string, object>();

        async Task Oxford(string file, DateOnly from, DateOnly until, double rate, int setSeed, int maxPairs)
        {
            var real = OxfordDuplicateSets.Period(oxford, from, until);
            var blocked = await OxfordDuplicateSets.BuildAsync(real, rate, setSeed, cache, new BlockingOptions(), Stage(progress, $"blocking {file}"), ct);
            var sample = DuplicatePairSampler.Sample(blocked.Set, blocked.Prepared, blocked.Candidates, setSeed, maxPairs);
            LabelledPairCsv.Write(Path.Combine(outDir, file), sample.Pairs);
            manifest[file] = Summary(real.Count, sample);
            lines.Add($"{file}: {real.Count:N0} real records from {from:yyyy-MM} ({rate:P0} injected), {sample.PositivesTotal:N0} injected duplicates ({sample.PositivesFound:N0} reached by blocking), " +
                $"{sample.Candidates:N0} candidate pairs -> {sample.Pairs.Count:N0} pairs written ({sample.Pairs.Count(p => p.Label):N0} duplicates, {sample.HardNegatives:N0} hard / {sample.EasyNegatives:N0} other negatives, weighted back to the candidate mix)");
        }

        await Oxford("train.csv", TrainFrom, OxfordDuplicateSets.EvalFrom, OxfordDuplicateSets.TrainInjectionRate, seed, MaxTrainPairs);
        await Oxford("eval.csv", OxfordDuplicateSets.EvalFrom, new DateOnly(2100, 1, 1), OxfordDuplicateSets.EvalInjectionRate, seed + 1, MaxEvalPairs);

        var (abRecords, matches) = AbtBuyReader.Read(dataRoot);
        var (abTrain, abTest) = AbtBuySets.Split(abRecords, matches, seed);
        foreach (var (file, half) in new[] { ("abtbuy-train.csv", abTrain), ("abtbuy-eval.csv", abTest) })
        {
            progress.Report(($"blocking {file}", 0, 1));
            var blocked = await AbtBuySets.BlockAsync(half, cache, ct);
            var sample = DuplicatePairSampler.Sample(blocked.Set, blocked.Prepared, blocked.Candidates, seed, MaxAbtBuyPairs);
            LabelledPairCsv.Write(Path.Combine(outDir, file), sample.Pairs);
            manifest[file] = Summary(half.Records.Count, sample);
            lines.Add($"{file}: {half.Records.Count:N0} products, {sample.PositivesTotal:N0} true matches ({sample.PositivesFound:N0} reached by blocking), {sample.Pairs.Count:N0} pairs written");
            progress.Report(($"blocking {file}", 1, 1));
        }
        manifest["seed"] = seed;
        manifest["files_sha256"] = Directory.GetFiles(outDir, "*.csv").Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), f => DuplicateModelWriter.Sha256(f));
        await File.WriteAllTextAsync(Path.Combine(outDir, "manifest.json"),
            JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }) + "\n", ct);
        return lines;
    }

    private static object Summary(int records, DuplicatePairSampler.Result s) => new
    {
        records, injected_or_true_duplicates = s.PositivesTotal, reached_by_blocking = s.PositivesFound, candidate_pairs = s.Candidates,
        pairs_written = s.Pairs.Count, duplicates_written = s.Pairs.Count(p => p.Label), hard_negatives = s.HardNegatives, other_negatives = s.EasyNegatives,
    };

    private static IProgress<(int Done, int Total)> Stage(IProgress<(string Stage, int Done, int Total)> progress, string stage) =>
        new StageAdapter(progress, stage);

    private sealed class StageAdapter(IProgress<(string Stage, int Done, int Total)> inner, string stage) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => inner.Report((stage, value.Done, value.Total));
    }
}
