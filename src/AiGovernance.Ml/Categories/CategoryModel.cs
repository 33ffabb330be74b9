using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Ml.Embeddings;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AiGovernance.Ml.Categories;

/// <summary>
/// A trained category classifier: the ML.NET pipeline (model.zip), the class names, whether it expects MiniLM
/// embeddings, and the training evidence for reasons (evidence.json). Thread-safe: one prediction engine behind a lock
/// for single rows, <see cref="ITransformer.Transform"/> for batches.
/// </summary>
public sealed class CategoryModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly PredictionEngine<CategoryRow, CategoryOutput> _engine;
    private readonly Lock _gate = new();

    private CategoryModel(MLContext ml, ITransformer transformer, string version, string? embeddingModel, CategoryEvidence evidence)
    {
        _ml = ml;
        _transformer = transformer;
        Version = version;
        EmbeddingModel = embeddingModel;
        Evidence = evidence;
        _engine = ml.Model.CreatePredictionEngine<CategoryRow, CategoryOutput>(transformer);
        Classes = SlotNames(transformer, ml);
    }

    public string Version { get; }

    /// <summary>The embedder the model was trained with ("all-MiniLM-L6-v2"), or null when it was trained without embeddings.</summary>
    public string? EmbeddingModel { get; }

    public CategoryEvidence Evidence { get; }

    /// <summary>The categories, in the order of the score vector.</summary>
    public IReadOnlyList<string> Classes { get; }

    public ITransformer Transformer => _transformer;

    public static CategoryModel FromTrained(MLContext ml, ITransformer transformer, string version, string? embeddingModel, CategoryEvidence evidence) =>
        new(ml, transformer, version, embeddingModel, evidence);

    /// <summary>Reads model.zip, metrics.json and evidence.json; <see cref="InvalidDataException"/> when one is missing or unreadable.</summary>
    public static CategoryModel Load(string directory)
    {
        var zip = Path.Combine(directory, "model.zip");
        var metricsPath = Path.Combine(directory, "metrics.json");
        var evidencePath = Path.Combine(directory, "evidence.json");
        foreach (var f in new[] { zip, metricsPath, evidencePath })
            if (!File.Exists(f)) throw new InvalidDataException($"{f}: missing; a category model directory holds model.zip, metrics.json and evidence.json");
        try
        {
            var metrics = JsonNode.Parse(File.ReadAllText(metricsPath)) ?? throw new InvalidDataException($"{metricsPath}: empty");
            var evidence = JsonSerializer.Deserialize<CategoryEvidence>(File.ReadAllText(evidencePath), Json) ?? throw new InvalidDataException($"{evidencePath}: empty");
            var ml = new MLContext(0);
            var transformer = ml.Model.Load(zip, out _);
            return new CategoryModel(ml, transformer, metrics["version"]?.GetValue<string>() ?? Path.GetFileName(directory),
                metrics["embedding_model"]?.GetValue<string>(), evidence);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or IOException && ex is not FileNotFoundException)
        {
            throw new InvalidDataException($"{directory}: the category model could not be read ({ex.Message})", ex);
        }
    }

    /// <summary>Writes model.zip and evidence.json (metrics.json and card.md come from <see cref="CategoryModelWriter"/>).</summary>
    public void SaveModel(string directory)
    {
        Directory.CreateDirectory(directory);
        var schema = _ml.Data.LoadFromEnumerable(new List<CategoryRow>()).Schema;
        _ml.Model.Save(_transformer, schema, Path.Combine(directory, "model.zip"));
        File.WriteAllText(Path.Combine(directory, "evidence.json"), JsonSerializer.Serialize(Evidence, Json));
    }

    /// <summary>Embeds the example (when the model was trained with embeddings and an embedder is given) and predicts.</summary>
    public async Task<CategoryPrediction> PredictAsync(CategoryExample example, ITextEmbedder? embedder, int top = 3, CancellationToken ct = default)
    {
        float[]? vector = null;
        if (EmbeddingModel is not null && embedder is not null) vector = (await embedder.EmbedAsync([example.EmbeddingText], ct))[0];
        return Predict(example, vector, top);
    }

    public CategoryPrediction Predict(CategoryExample example, float[]? embedding, int top = 3)
    {
        CategoryOutput output;
        lock (_gate) output = _engine.Predict(CategoryRow.From(example with { Category = null }, embedding));
        return Build(example, output.Score, top);
    }

    /// <summary>Batch prediction (bench, evaluation): one Transform over all rows; reasons only for the top <paramref name="top"/>.</summary>
    public IReadOnlyList<CategoryPrediction> PredictMany(IReadOnlyList<CategoryExample> examples, Func<CategoryExample, float[]?> embedding, int top = 1, bool reasons = false)
    {
        var data = _ml.Data.LoadFromEnumerable(examples.Select(e => CategoryRow.From(e with { Category = null }, embedding(e))));
        var scores = _transformer.Transform(data).GetColumn<float[]>("Score").ToList();
        return examples.Select((e, i) => Build(e, scores[i], top, reasons)).ToList();
    }

    private CategoryPrediction Build(CategoryExample example, float[] score, int top, bool reasons = true)
    {
        var probabilities = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < Classes.Count && i < score.Length; i++) probabilities[Classes[i]] = score[i];
        var best = probabilities.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(Math.Max(1, top))
            .Select(p => new CategoryScore(p.Key, Math.Round(p.Value, 4), reasons ? Evidence.Reasons(example, p.Key) : [])).ToList();
        return new CategoryPrediction(Version, best, probabilities);
    }

    private static List<string> SlotNames(ITransformer transformer, MLContext ml)
    {
        var schema = transformer.GetOutputSchema(ml.Data.LoadFromEnumerable(new List<CategoryRow>()).Schema);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        var score = schema["Score"];
        if (score.HasSlotNames()) score.GetSlotNames(ref names);
        else schema["Label"].GetKeyValues(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToList();
    }

    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
