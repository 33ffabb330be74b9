using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AiGovernance.Ml.Triage;

/// <summary>
/// The trained exception-probability model: P(a reviewer finds the exception real) from its facts at raise time.
/// Thread-safe (prediction engines are pooled; batches go through Transform).
/// </summary>
public sealed class ExceptionProbabilityModel
{
    public const string Kind = "exception-probability";

    private readonly MLContext _ml;
    private readonly ConcurrentBag<PredictionEngine<ExceptionRow, ExceptionPrediction>> _engines = [];

    private ExceptionProbabilityModel(MLContext ml, ITransformer model, string version, IReadOnlySet<string> trainedTypes)
    {
        TrainedTypes = trainedTypes;
        _ml = ml;
        Transformer = model;
        Version = version;
    }

    public string Version { get; }

    /// <summary>
    /// The exception types it learned from. Another type would be all zeros in the one-hot part, a guess the model was
    /// never shown: the worker leaves those exceptions to the blend.
    /// </summary>
    public IReadOnlySet<string> TrainedTypes { get; }

    internal ITransformer Transformer { get; }

    public static ExceptionProbabilityModel FromTrained(MLContext ml, ITransformer model, string version, IEnumerable<string> trainedTypes) =>
        new(ml, model, version, trainedTypes.ToHashSet(StringComparer.Ordinal));

    /// <summary>Loads model.zip and the version from metrics.json; <see cref="InvalidDataException"/> when either is missing or unreadable.</summary>
    public static ExceptionProbabilityModel Load(string modelDirectory)
    {
        var zip = Path.Combine(modelDirectory, "model.zip");
        var metrics = Path.Combine(modelDirectory, "metrics.json");
        if (!File.Exists(zip) || !File.Exists(metrics))
            throw new InvalidDataException($"{modelDirectory} lacks model.zip or metrics.json: train one with 'aigov models train --kind {Kind}'");
        var json = JsonNode.Parse(File.ReadAllText(metrics)) as JsonObject;
        if (json?["kind"]?.GetValue<string>() != Kind || json["features"] is not JsonArray features || features.Count != ExceptionFeatures.Count)
            throw new InvalidDataException($"{metrics} is not an {Kind} model with {ExceptionFeatures.Count} features");
        if (json["trained_types"] is not JsonArray types || types.Count == 0)
            throw new InvalidDataException($"{metrics} does not name the exception types it was trained on (trained_types): retrain it with 'aigov models train --kind {Kind}'");
        var ml = new MLContext(seed: 0);
        try
        {
            return new ExceptionProbabilityModel(ml, ml.Model.Load(zip, out _), json["version"]?.GetValue<string>() ?? Path.GetFileName(modelDirectory),
                types.Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{zip} is not a readable ML.NET model ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    public double Probability(ExceptionFacts facts)
    {
        var engine = _engines.TryTake(out var e) ? e : _ml.Model.CreatePredictionEngine<ExceptionRow, ExceptionPrediction>(Transformer);
        try { return Clean(engine.Predict(new ExceptionRow { Features = ExceptionFeatures.Compute(facts) }).Probability); }
        finally { _engines.Add(engine); }
    }

    public double[] Probabilities(IReadOnlyList<ExceptionFacts> facts)
    {
        if (facts.Count == 0) return [];
        var view = _ml.Data.LoadFromEnumerable(facts.Select(f => new ExceptionRow { Features = ExceptionFeatures.Compute(f) }).ToList());
        return Transformer.Transform(view).GetColumn<float>("Probability").Select(Clean).ToArray();
    }

    private static double Clean(float p) => float.IsNaN(p) ? 0.5 : Math.Round(Math.Clamp(p, 0, 1), 4);
}
