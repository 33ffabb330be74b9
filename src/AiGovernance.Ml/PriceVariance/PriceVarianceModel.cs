using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.ML;

namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// The price-variance detector: contract price, then robust history statistics, then the ML.NET regression for
/// sparse history. Thread-safe: the statistics are pure, and ML.NET prediction engines (not thread-safe) are
/// rented from a pool, one per concurrent caller.
/// </summary>
public sealed class PriceVarianceModel
{
    public const string ModelFile = "model.zip";
    private readonly ConcurrentBag<PredictionEngine<PriceRegressionInput, PriceRegressionOutput>> _engines = [];
    private readonly MLContext _ml;
    private readonly ITransformer? _regression;

    public string Version { get; }
    public PriceVarianceParams Parameters { get; }
    /// <summary>True when the sparse-history regression is loaded (a model without it only uses contract and history).</summary>
    public bool HasRegression => _regression is not null;

    public PriceVarianceModel(string version, PriceVarianceParams parameters, MLContext ml, ITransformer? regression)
    {
        Version = version;
        Parameters = parameters;
        _ml = ml;
        _regression = regression;
    }

    /// <summary>Loads model.zip and params.json from a model directory (models/price-variance/&lt;version&gt;).</summary>
    /// <exception cref="InvalidDataException">A file is missing or cannot be read as a model.</exception>
    public static PriceVarianceModel Load(string modelDirectory)
    {
        var zip = Path.Combine(modelDirectory, ModelFile);
        var paramsFile = Path.Combine(modelDirectory, PriceVarianceParams.FileName);
        if (!Directory.Exists(modelDirectory)) throw new InvalidDataException($"{modelDirectory}: model directory does not exist");
        if (!File.Exists(zip)) throw new InvalidDataException($"{zip}: missing (the price-variance regression)");
        if (!File.Exists(paramsFile)) throw new InvalidDataException($"{paramsFile}: missing (the scorer's thresholds)");
        PriceVarianceParams parameters;
        try { parameters = PriceVarianceParams.FromJson(File.ReadAllText(paramsFile)); }
        catch (JsonException ex) { throw new InvalidDataException($"{paramsFile}: not valid parameters: {ex.Message}", ex); }
        var ml = new MLContext(seed: 0);
        ITransformer regression;
        try { regression = ml.Model.Load(zip, out _); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{zip}: not a readable ML.NET model: {ex.Message}", ex);
        }
        var model = new PriceVarianceModel(VersionOf(modelDirectory), parameters, ml, regression);
        try { model.PredictLog(new PriceLine("probe", "probe", "probe", "probe", 1, "each", 1, null, new DateOnly(2020, 1, 1)), UnitNormalizer.Parse("each")); }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"{zip}: the model does not take price-line input: {ex.Message}", ex);
        }
        return model;
    }

    /// <summary>The version written in metrics.json by the trainer, else the directory name (models/&lt;kind&gt;/&lt;version&gt;).</summary>
    private static string VersionOf(string modelDirectory)
    {
        var metrics = Path.Combine(modelDirectory, "metrics.json");
        try
        {
            if (File.Exists(metrics) && System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(metrics))?["version"]?.GetValue<string>() is { Length: > 0 } v)
                return v;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException) { } // metrics are informative; the name still identifies the model
        return Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(modelDirectory)));
    }

    /// <summary>Scores a line against earlier lines of the same item (any supplier, dated before it).</summary>
    public PriceVarianceResult Score(PriceLine line, IReadOnlyList<PriceLine> history) => ToResult(Explain(line, history));

    /// <summary>The evidence behind a score (thresholds not yet applied); used for calibration and evaluation.</summary>
    public PriceEvidence Explain(PriceLine line, IReadOnlyList<PriceLine> history) =>
        ExpectedPriceResolver.Resolve(line, history, Parameters, _regression is null ? null : PredictLog);

    public PriceVarianceResult ToResult(PriceEvidence e) => ToResult(e, Parameters);

    public static PriceVarianceResult ToResult(PriceEvidence e, PriceVarianceParams p)
    {
        var (reference, excess) = e.Explain(p);
        var known = double.IsFinite(reference.Log);
        double? variance = known ? Math.Round((Math.Exp(e.LineLog - reference.Log) - 1) * 100, 2) : null;
        return new PriceVarianceResult(e.Line.Id, known ? e.ToLinePrice(reference.Log) : null, variance,
            Math.Round(excess / (1 + excess), 4), excess >= 1, e.Basis, ReviewerSentence.Write(e, p));
    }

    /// <summary>ln(expected price per base unit) from the regression.</summary>
    public double? PredictLog(PriceLine line, UnitOfMeasure uom)
    {
        if (_regression is null) return null;
        if (!_engines.TryTake(out var engine))
            engine = _ml.Model.CreatePredictionEngine<PriceRegressionInput, PriceRegressionOutput>(_regression);
        try { return engine.Predict(PriceRegression.ToInput(line, uom)).Score; }
        finally { _engines.Add(engine); }
    }

    /// <summary>A copy with other thresholds (calibration tries many without reloading the regression).</summary>
    public PriceVarianceModel WithParameters(PriceVarianceParams parameters) => new(Version, parameters, _ml, _regression);
}
