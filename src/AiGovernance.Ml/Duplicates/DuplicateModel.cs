using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// A trained duplicate classifier ready to score pairs. Thread-safe: ML.NET's PredictionEngine is not,
/// so engines are pooled (one per concurrent caller, created on demand and reused); batch scoring goes
/// through <see cref="ITransformer.Transform"/>, which is safe to call concurrently.
/// <para>Description similarity is the embedding cosine when both records carry an
/// <see cref="DuplicateRecord.Embedding"/>, else a token-trigram similarity; the feature
/// <c>embedding_present</c> tells the model which one it is looking at (it was trained on both).</para>
/// </summary>
public sealed class DuplicateModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DuplicateModelInfo _info;
    private readonly ConcurrentBag<PredictionEngine<PairRow, PairPrediction>> _engines = [];

    private DuplicateModel(MLContext ml, ITransformer model, DuplicateModelInfo info)
    {
        _ml = ml;
        _model = model;
        _info = info;
    }

    public string Version => _info.Version;

    /// <summary>Pairs at or above this probability are flagged (chosen for best F1 in cross-validation).</summary>
    public double Threshold => _info.Threshold;

    /// <summary>Loads model.zip and metrics.json from a model directory; <see cref="InvalidDataException"/> when either is missing or unreadable.</summary>
    public static DuplicateModel Load(string modelDirectory)
    {
        var zip = Path.Combine(modelDirectory, "model.zip");
        if (!File.Exists(zip)) throw new InvalidDataException($"{zip} is missing: train one with 'aigov models train --kind duplicate'");
        var info = DuplicateModelInfo.Read(Path.Combine(modelDirectory, "metrics.json"));
        var ml = new MLContext(seed: 0);
        try
        {
            var model = ml.Model.Load(zip, out _);
            return new DuplicateModel(ml, model, info);
        }
        catch (Exception ex) when (ex is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"{zip} is not a readable ML.NET model ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    /// <summary>Builds a model from an in-memory transformer (training and tests).</summary>
    public static DuplicateModel FromTrained(MLContext ml, ITransformer model, DuplicateModelInfo info) => new(ml, model, info);

    internal ITransformer Transformer => _model;

    /// <summary>Scores whether <paramref name="candidate"/> repeats <paramref name="earlier"/>, with reasons and the features that drove the score.</summary>
    public DuplicateMatch Score(DuplicateRecord candidate, DuplicateRecord earlier) =>
        Score(new PreparedRecord(candidate), new PreparedRecord(earlier));

    public DuplicateMatch Score(PreparedRecord candidate, PreparedRecord earlier) => Score(candidate, earlier, explainUnflagged: true);

    /// <param name="explainUnflagged">Compute drivers for a pair under the threshold too (one extra prediction per feature).</param>
    private DuplicateMatch Score(PreparedRecord candidate, PreparedRecord earlier, bool explainUnflagged)
    {
        var features = PairFeatures.Compute(candidate, earlier);
        var engine = Rent();
        try
        {
            var p = Predict(engine, features);
            var flagged = p >= Threshold;
            IReadOnlyList<FeatureContribution> drivers = flagged || explainUnflagged ? Explain(engine, features, p) : [];
            return new DuplicateMatch(candidate.Record.Id, earlier.Record.Id, p, flagged,
                DuplicateReasons.Describe(candidate, earlier, features), drivers);
        }
        finally { _engines.Add(engine); }
    }

    /// <summary>
    /// Every earlier record scored against the candidate, most probable first. The earlier records are also
    /// the history for <c>amount_series_others</c> (recurring same-amount payments); <see cref="Score(DuplicateRecord, DuplicateRecord)"/>
    /// has no history and leaves that feature unknown. Drivers are computed for flagged pairs only (reasons for all),
    /// which keeps one record against 50 candidates to a few milliseconds.
    /// </summary>
    public IReadOnlyList<DuplicateMatch> ScoreAll(DuplicateRecord candidate, IEnumerable<DuplicateRecord> earlier)
    {
        var prepared = new PreparedRecord(candidate);
        var history = earlier.Where(e => e.Id != candidate.Id).Select(e => new PreparedRecord(e)).ToList();
        prepared.SeriesCount = AmountSeries.Count(prepared, history);
        return history
            .Select(e => Score(prepared, e, explainUnflagged: false))
            .OrderByDescending(m => m.Probability).ThenBy(m => m.IdB, StringComparer.Ordinal).ToList();
    }

    /// <summary>Probabilities for many feature vectors at once (bench, CSV detection): one ML.NET pass, no explanations.</summary>
    public float[] Probabilities(IReadOnlyList<float[]> features) => ProbabilitiesAndScores(features).Probabilities;

    /// <summary>
    /// Probabilities plus the raw scores (margins). Calibrated probabilities saturate near 1 for strong pairs,
    /// so ranking several flagged matches of one record uses the score.
    /// </summary>
    public (float[] Probabilities, float[] Scores) ProbabilitiesAndScores(IReadOnlyList<float[]> features)
    {
        var view = _ml.Data.LoadFromEnumerable(features.Select(f => new PairRow { Features = f }));
        var scored = _model.Transform(view);
        return (scored.GetColumn<float>("Probability").ToArray(), scored.GetColumn<float>("Score").ToArray());
    }

    private PredictionEngine<PairRow, PairPrediction> Rent() =>
        _engines.TryTake(out var engine) ? engine : _ml.Model.CreatePredictionEngine<PairRow, PairPrediction>(_model);

    private static double Predict(PredictionEngine<PairRow, PairPrediction> engine, float[] features) =>
        engine.Predict(new PairRow { Features = features }).Probability;

    /// <summary>
    /// Occlusion explanation, the same for every trainer: a feature's contribution is how much the
    /// log-odds drop when it is set to its neutral value (the median over non-duplicate training pairs).
    /// Positive = pushed towards "duplicate". Costs one prediction per feature, so ~20 µs each.
    /// </summary>
    private IReadOnlyList<FeatureContribution> Explain(PredictionEngine<PairRow, PairPrediction> engine, float[] features, double p)
    {
        var logit = Logit(p);
        var result = new List<FeatureContribution>(features.Length);
        var probe = (float[])features.Clone();
        for (var i = 0; i < features.Length; i++)
        {
            if (features[i] == _info.NeutralValues[i]) continue;
            probe[i] = _info.NeutralValues[i];
            var without = Predict(engine, probe);
            probe[i] = features[i];
            var contribution = logit - Logit(without);
            if (Math.Abs(contribution) >= 0.01) result.Add(new FeatureContribution(PairFeatures.Names[i], features[i], Math.Round(contribution, 3)));
        }
        return result.OrderByDescending(c => Math.Abs(c.Contribution)).ThenBy(c => c.Feature, StringComparer.Ordinal).ToList();
    }

    private static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(q / (1 - q));
    }
}
