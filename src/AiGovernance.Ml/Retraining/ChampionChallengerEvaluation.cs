using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Embeddings;
using AiGovernance.Ml.PriceVariance;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Ml.Retraining;

/// <summary>
/// Scores a model directory on a held-out file the way its detector decides: duplicates at the model's
/// threshold on the pair features, price lines through the streaming scorer with the training lines as history.
/// Champion and challenger go through the same function on the same file, so their figures compare.
/// </summary>
public static class ChampionChallengerEvaluation
{
    public static async Task<HeldOutMetrics> DuplicateAsync(string modelDirectory, string evalPath, ITextEmbedder? embedder, int seed,
        IProgress<TrainingProgress> progress, string stage, CancellationToken ct)
    {
        var model = DuplicateModel.Load(modelDirectory);
        var pairs = LabelledPairCsv.Read(evalPath, strict: true, _ => { });
        EmbeddingCache? cache = null;
        if (embedder is not null)
        {
            cache = new EmbeddingCache(embedder);
            await cache.AddAsync(pairs.SelectMany(p => new[] { p.A.Description, p.B.Description }), new StageProgress(progress, stage + ": embedding"), ct);
        }
        progress.Report(new TrainingProgress(stage, 0, pairs.Count));
        var scored = DuplicateModelTraining.Score(model, DuplicateFeatureRows.Build(pairs, cache, seed));
        progress.Report(new TrainingProgress(stage, pairs.Count, pairs.Count));
        double tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (label, p, w) in scored)
        {
            var flagged = p >= model.Threshold;
            if (flagged && label) tp += w;
            else if (flagged) fp += w;
            else if (label) fn += w;
            else tn += w;
        }
        return HeldOutMetrics.From(model.Version, pairs.Count, pairs.Count(p => p.Label), tp, fp, fn, tn);
    }

    /// <param name="historyPaths">Earlier lines scored against, never counted: the training lines and any exported history.</param>
    public static HeldOutMetrics PriceVariance(string modelDirectory, IReadOnlyList<string> historyPaths, string evalPath, IProgress<TrainingProgress> progress,
        string stage, CancellationToken ct)
    {
        var model = PriceVarianceModel.Load(modelDirectory);
        var history = historyPaths.SelectMany(p => PriceVarianceTrainer.Read(p, strict: true, [])).ToList();
        var eval = PriceVarianceTrainer.Read(evalPath, strict: true, []);
        var m = DetectionMetrics.Detector(PriceStream.Run(model, history, eval, progress, stage, ct, withBaseline: false), model.Parameters);
        var negatives = m.Lines - m.Anomalies;
        return HeldOutMetrics.From(model.Version, m.Lines, m.Anomalies, m.TruePositives, m.FalsePositives, m.Anomalies - m.TruePositives,
            negatives - m.FalsePositives);
    }
}
