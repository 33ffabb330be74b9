using System.Globalization;
using AiGovernance.Ml.Drift;
using AiGovernance.Ml.Embeddings;
using AiGovernance.Ml.Registry;
using AiGovernance.Ml.Training;

namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// <c>aigov models train|evaluate --kind duplicate</c>: reads a labelled pair file (datasets/duplicate/train.csv),
/// embeds the distinct descriptions with MiniLM, sweeps trainers with cross-validation, fits the winner and
/// writes model.zip, metrics.json and card.md. When the matching eval file sits beside the training file
/// (train.csv → eval.csv, abtbuy-train.csv → abtbuy-eval.csv) its pair-level metrics go into the card as held-out figures.
/// </summary>
public sealed class DuplicateTrainer(Func<ITextEmbedder?>? embedderFactory = null, bool quickSweep = false, int folds = 5) : IDetectorTrainer
{
    private readonly Func<ITextEmbedder?> _embedderFactory = embedderFactory ?? (() => new MiniLmEmbedder());

    public string Kind => "duplicate";

    public async Task<TrainingReport> TrainAsync(TrainingRequest request, IProgress<TrainingProgress> progress, CancellationToken ct)
    {
        var warnings = new List<string>();
        var pairs = ReadPairs(request.DatasetPath, request.Strict, warnings);
        var embedder = _embedderFactory();
        try
        {
            var cache = embedder is null ? null : new EmbeddingCache(embedder);
            if (cache is not null)
                await cache.AddAsync(pairs.SelectMany(p => new[] { p.A.Description, p.B.Description }), Stage(progress, "embedding descriptions"), ct);
            var rows = DuplicateFeatureRows.Build(pairs, cache, request.Seed);
            var candidates = DuplicateSweepCandidates.All(request.Seed, quickSweep);
            var result = DuplicateModelTraining.Train(rows, candidates, folds, request.Seed, request.Version, Stage(progress, "cross-validated sweep"), ct);

            HoldOutMetrics? holdOut = null;
            (IReadOnlyList<LabelledPair> Pairs, string Name) reference = (pairs, Path.GetFileName(request.DatasetPath));
            var evalPath = EvalSibling(request.DatasetPath);
            if (evalPath is not null)
            {
                var evalPairs = ReadPairs(evalPath, request.Strict, warnings);
                if (cache is not null) await cache.AddAsync(evalPairs.SelectMany(p => new[] { p.A.Description, p.B.Description }), Stage(progress, "embedding eval descriptions"), ct);
                holdOut = Evaluate(result.Model, evalPairs, cache, request.Seed, Path.GetFileName(evalPath));
                reference = (evalPairs, Path.GetFileName(evalPath));
            }
            DuplicateModelWriter.Write(request.OutputDirectory, result, request.DatasetPath, holdOut, cache is not null);
            // The drift reference: the new model's scores on held-out pairs (training pairs only when there are none).
            ScoreDistribution.WriteInto(request.OutputDirectory, ScoresOf(result.Model, reference.Pairs, cache, request.Seed),
                $"{reference.Name} ({reference.Pairs.Count} pairs), pair probability");

            var table = new List<IReadOnlyList<string>> { new[] { "trainer", "hyperparameters", "cv AUC", "cv AUPRC", "cv best F1", "threshold", "seconds", "" } };
            table.AddRange(result.Candidates.Select(c => (IReadOnlyList<string>)
            [
                c.Candidate.Trainer, string.Join(" ", c.Candidate.Hyperparameters.Select(h => $"{h.Key}={h.Value}")),
                F(c.Auc), F(c.AucPr), F(c.BestF1), F(c.BestThreshold), c.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
                ReferenceEquals(c, result.Winner) ? "selected" : "",
            ]));
            var headline = $"duplicate {request.Version}: {result.Winner.Candidate.Name}, threshold {F(result.Threshold)}, {result.Pairs:N0} pairs ({result.Positives:N0} duplicates), " +
                $"fit {result.FitSeconds:0.0} s" + (holdOut is null ? "" : $"; held-out F1 {F(holdOut.F1)} (P {F(holdOut.Precision)}, R {F(holdOut.Recall)}, AUC {F(holdOut.Auc)})") +
                $"\nwritten to {request.OutputDirectory}";
            return new TrainingReport(headline, table, warnings);
        }
        finally { (embedder as IDisposable)?.Dispose(); }
    }

    public async Task<TrainingReport> EvaluateAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct)
    {
        var warnings = new List<string>();
        var model = DuplicateModel.Load(request.ModelDirectory);
        var pairs = ReadPairs(request.DatasetPath, request.Strict, warnings);
        var embedder = _embedderFactory();
        try
        {
            var cache = embedder is null ? null : new EmbeddingCache(embedder);
            if (cache is not null)
                await cache.AddAsync(pairs.SelectMany(p => new[] { p.A.Description, p.B.Description }), Stage(progress, "embedding descriptions"), ct);
            var m = Evaluate(model, pairs, cache, seed: 42, Path.GetFileName(request.DatasetPath));
            var table = new List<IReadOnlyList<string>>
            {
                new[] { "pairs", "duplicates", "AUC", "precision", "recall", "F1", "threshold" },
                new[] { m.Pairs.ToString(CultureInfo.InvariantCulture), m.Positives.ToString(CultureInfo.InvariantCulture), F(m.Auc), F(m.Precision), F(m.Recall), F(m.F1), F(model.Threshold) },
            };
            return new TrainingReport($"duplicate {model.Version} on {request.DatasetPath}", table, warnings);
        }
        finally { (embedder as IDisposable)?.Dispose(); }
    }

    public async Task<IReadOnlyList<double>> ScoreDatasetAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct)
    {
        var model = DuplicateModel.Load(request.ModelDirectory);
        var pairs = ReadPairs(request.DatasetPath, request.Strict, []);
        var embedder = _embedderFactory();
        try
        {
            var cache = embedder is null ? null : new EmbeddingCache(embedder);
            if (cache is not null)
                await cache.AddAsync(pairs.SelectMany(p => new[] { p.A.Description, p.B.Description }), Stage(progress, "embedding descriptions"), ct);
            return ScoresOf(model, pairs, cache, seed: 42);
        }
        finally { (embedder as IDisposable)?.Dispose(); }
    }

    /// <summary>Each pair's duplicate probability: what the live detector stores as its score (for its best-matching pair).</summary>
    public static IReadOnlyList<double> ScoresOf(DuplicateModel model, IReadOnlyList<LabelledPair> pairs, EmbeddingCache? cache, int seed) =>
        DuplicateModelTraining.Score(model, DuplicateFeatureRows.Build(pairs, cache, seed)).Select(s => (double)s.Probability).ToList();

    /// <summary>Pair-level metrics at the model's threshold (the same embedding dropout as training, so the mix matches).</summary>
    public static HoldOutMetrics Evaluate(DuplicateModel model, IReadOnlyList<LabelledPair> pairs, EmbeddingCache? cache, int seed, string name)
    {
        var rows = DuplicateFeatureRows.Build(pairs, cache, seed);
        var scored = DuplicateModelTraining.Score(model, rows);
        var (p, r, f1) = BinaryClassifierSweep.At(scored, model.Threshold);
        return new HoldOutMetrics(name, rows.Count, rows.Count(x => x.Label), Math.Round(Metrics.Auc(scored), 4), Math.Round(p, 4), Math.Round(r, 4), Math.Round(f1, 4));
    }

    private static List<LabelledPair> ReadPairs(string path, bool strict, List<string> warnings)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such dataset file", path);
        try
        {
            return LabelledPairCsv.Read(path, strict, e => warnings.Add($"{Path.GetFileName(path)} {e}: row skipped"));
        }
        catch (CsvRejectedException ex) { throw new InvalidDataException($"{path} {ex.Message} (--strict: file rejected)", ex); }
    }

    private static IProgress<(int Done, int Total)> Stage(IProgress<TrainingProgress> progress, string stage) => new StageProgress(progress, stage);

    /// <summary>The hold-out beside a training file: "train" → "eval" in its name (train.csv → eval.csv, abtbuy-train.csv → abtbuy-eval.csv).</summary>
    public static string? EvalSibling(string trainPath)
    {
        var name = Path.GetFileName(trainPath);
        if (!name.Contains("train", StringComparison.Ordinal)) return null;
        var eval = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(trainPath))!, name.Replace("train", "eval", StringComparison.Ordinal));
        return File.Exists(eval) ? eval : null;
    }

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
