using System.Globalization;
using AiGovernance.Core.Text;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Embeddings;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Ml.Categories;

/// <summary>
/// <c>aigov models train|evaluate --kind category</c>: a labelled CSV (description, supplier, category; see
/// datasets/category/README.md) in, a model directory out (model.zip, evidence.json, metrics.json, card.md) made by
/// <see cref="CategoryTrainAndMeasure"/>, the same call the bench uses. Held-out figures come from eval.csv beside the
/// training file, or from an item split of the training file when there is none.
/// </summary>
/// <param name="quick">One trainer (SDCA) instead of the three-candidate sweep.</param>
/// <param name="embeddings">Off: n-grams only, no MiniLM (the model records that it expects none).</param>
public sealed class CategoryTrainer(bool quick = false, bool embeddings = true) : IDetectorTrainer
{
    public string Kind => "category";

    public async Task<TrainingReport> TrainAsync(TrainingRequest request, IProgress<TrainingProgress> progress, CancellationToken ct)
    {
        var warnings = new List<string>();
        var all = Read(request.DatasetPath, request.Strict, warnings);
        var evalPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.DatasetPath))!, "eval.csv");
        CategorySplit split;
        if (File.Exists(evalPath) && !SamePath(evalPath, request.DatasetPath))
            split = new CategorySplit("dataset", all, Read(evalPath, request.Strict, warnings), 0, 0, $"held out: {Path.GetFileName(evalPath)} beside the training file");
        else
        {
            split = CategoryDataSources.UsaidItemSplit(all, 0.3, null, request.Seed);
            warnings.Add($"no eval.csv beside {request.DatasetPath}: held-out figures from an item split of the training file ({split.Note})");
        }
        if (split.Test.Count == 0) throw new InvalidDataException($"{request.DatasetPath}: no held-out rows to measure on");

        using var embedder = embeddings ? new MiniLmEmbedder() : null;
        var cache = embedder is null ? null : new EmbeddingCache(embedder);
        if (cache is not null)
            await cache.AddAsync(split.Train.Concat(split.Test).Select(e => e.EmbeddingText), Stage(progress, "embedding"), ct);
        var measured = await Task.Run(() => CategoryTrainAndMeasure.Run(split.Train, split.Test, e => cache?.Get(e.EmbeddingText), embedder?.ModelId,
            request.Version, request.Seed, quick, sweepRows: quick ? 1500 : 2500, Stage(progress, "sweep"), ct), ct);
        var data = new CategoryDataDescription(Path.GetFileName(request.DatasetPath), "see the dataset's README.md",
            "description and supplier name", "category", split.Note, split.Train.Count, split.Test.Count, 0, 0);
        CategoryModelWriter.Write(request.OutputDirectory, measured.Result, data, measured.Methods, CategorySuggestionOptions.Default,
        [
            "Knows only the categories of its training file; a given category it never saw is not judged, and it never suggests one.",
            "Probabilities are the trainer's softmax, not calibrated on reviewer outcomes; the suggestion thresholds are conservative defaults.",
            "Trained on the tenant's own coding, with its errors.",
        ]);
        var inv = CultureInfo.InvariantCulture;
        var m = measured.Methods;
        return new TrainingReport(
            string.Create(inv, $"category {request.Version}: {measured.Result.Winner.Candidate.Trainer} on {split.Train.Count:N0} rows, {measured.Result.Classes} categories; held-out macro-F1 {m[0].Metrics.MacroF1:0.000} (majority {m[1].Metrics.MacroF1:0.000}) → {request.OutputDirectory}"),
            Table(m), warnings);
    }

    public Task<TrainingReport> EvaluateAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct) =>
        Task.Run(async () =>
        {
            var warnings = new List<string>();
            var rows = Read(request.DatasetPath, request.Strict, warnings);
            var model = CategoryModel.Load(request.ModelDirectory);
            using var embedder = model.EmbeddingModel is not null && embeddings ? new MiniLmEmbedder() : null;
            var cache = embedder is null ? null : new EmbeddingCache(embedder);
            if (cache is not null) await cache.AddAsync(rows.Select(e => e.EmbeddingText), Stage(progress, "embedding"), ct);
            var predictions = model.PredictMany(rows, e => cache?.Get(e.EmbeddingText), top: 1);
            var metrics = ClassificationMetrics.Compute([.. rows.Select((e, i) => (e.Category!, predictions[i].Best!.Category))]);
            var unknown = rows.Count(e => !model.Classes.Contains(e.Category!, StringComparer.Ordinal));
            if (unknown > 0) warnings.Add($"{unknown} rows carry a category the model does not know; they count as errors");
            var inv = CultureInfo.InvariantCulture;
            return new TrainingReport(string.Create(inv, $"category {model.Version} on {request.DatasetPath}: accuracy {metrics.Accuracy:0.000}, macro-F1 {metrics.MacroF1:0.000} ({rows.Count:N0} rows)"),
                Table([new CategoryMethodMetrics($"classifier {model.Version}", metrics)]), warnings);
        }, ct);

    /// <summary>description, supplier, category (further columns ignored); a row without description or category is skipped, or rejects the file under --strict.</summary>
    public static List<CategoryExample> Read(string path, bool strict, List<string> warnings)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such dataset file", path);
        using var reader = new StreamReader(path);
        var list = new List<CategoryExample>();
        foreach (var row in CsvReader.Read(reader))
        {
            var description = row.Optional("description")?.Trim();
            var category = row.Optional("category")?.Trim();
            if (string.IsNullOrEmpty(description) || string.IsNullOrEmpty(category))
            {
                var message = $"{Path.GetFileName(path)} line {row.Line}: description and category are required";
                if (strict) throw new InvalidDataException(message);
                warnings.Add(message + "; skipped");
                continue;
            }
            list.Add(new CategoryExample($"{Path.GetFileNameWithoutExtension(path)}:{row.Line}", description, row.Optional("supplier")?.Trim(), category));
        }
        if (list.Select(e => e.Category).Distinct().Count() < 2) throw new InvalidDataException($"{path}: needs rows of at least two categories");
        return list;
    }

    private static IReadOnlyList<IReadOnlyList<string>> Table(IReadOnlyList<CategoryMethodMetrics> methods)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new List<IReadOnlyList<string>> { new[] { "method", "rows", "accuracy", "macro-F1", "weighted F1" } };
        table.AddRange(methods.Select(m => (IReadOnlyList<string>)[m.Method, m.Metrics.Rows.ToString("N0", inv), m.Metrics.Accuracy.ToString("0.000", inv),
            m.Metrics.MacroF1.ToString("0.000", inv), m.Metrics.WeightedF1.ToString("0.000", inv)]));
        return table;
    }

    private static IProgress<(int Done, int Total)> Stage(IProgress<TrainingProgress> progress, string stage) =>
        new Progress<(int Done, int Total)>(p => progress.Report(new TrainingProgress(stage, p.Done, p.Total)));

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
