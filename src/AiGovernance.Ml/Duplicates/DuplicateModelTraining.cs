using System.Diagnostics;
using AiGovernance.Ml.Training;
using Microsoft.ML;

namespace AiGovernance.Ml.Duplicates;

/// <summary>The outcome of a sweep and the final fit, before anything is written to disk.</summary>
public sealed record DuplicateTrainingResult(
    DuplicateModel Model, SweepResult Winner, IReadOnlyList<SweepResult> Candidates,
    double Threshold, float[] NeutralValues, int Pairs, int Positives, double FitSeconds, double TotalSeconds);

/// <summary>
/// Sweep (k-fold CV over <see cref="DuplicateSweepCandidates"/>), then fit the winner on all pairs.
/// The operating threshold is the winner's best-F1 threshold on pooled out-of-fold probabilities, so it
/// was chosen on pairs the scoring model had not seen.
/// </summary>
public static class DuplicateModelTraining
{
    public static DuplicateTrainingResult Train(IReadOnlyList<PairRow> rows, IReadOnlyList<SweepCandidate> candidates, int folds, int seed,
        string version, IProgress<(int Done, int Total)>? sweepProgress = null, CancellationToken ct = default)
    {
        if (rows.Count(r => r.Label) < folds || rows.Count(r => !r.Label) < folds)
            throw new InvalidDataException($"need at least {folds} duplicate and {folds} non-duplicate pairs to cross-validate; got {rows.Count(r => r.Label)} and {rows.Count(r => !r.Label)}");
        var total = Stopwatch.StartNew();
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var results = BinaryClassifierSweep.Run(ml, data, candidates, folds, seed, sweepProgress, ct);
        var winner = BinaryClassifierSweep.Best(results);
        var (model, fitSeconds) = Fit(ml, data, winner.Candidate);
        var neutral = NeutralValues(rows);
        var info = new DuplicateModelInfo(version, Math.Round(winner.BestThreshold, 4), PairFeatures.Names, neutral);
        return new DuplicateTrainingResult(DuplicateModel.FromTrained(ml, model, info), winner, results, info.Threshold, neutral,
            rows.Count, rows.Count(r => r.Label), fitSeconds, total.Elapsed.TotalSeconds);
    }

    /// <summary>One fit of one candidate on all rows (no CV) and its wall time — what "training time" means in the bench.</summary>
    public static (ITransformer Model, double Seconds) Fit(MLContext ml, IDataView data, SweepCandidate candidate)
    {
        var watch = Stopwatch.StartNew();
        var model = candidate.Build(ml).Fit(data);
        return (model, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Per-feature median over the non-duplicate pairs: "what a typical candidate that is not a duplicate looks like".</summary>
    public static float[] NeutralValues(IReadOnlyList<PairRow> rows)
    {
        var negatives = rows.Where(r => !r.Label).ToList();
        var neutral = new float[PairFeatures.Count];
        for (var i = 0; i < neutral.Length; i++)
        {
            var values = negatives.Select(r => r.Features[i]).Order().ToList();
            neutral[i] = values.Count == 0 ? 0 : values[values.Count / 2];
        }
        return neutral;
    }

    /// <summary>Probabilities and labels of a labelled set under a model (evaluation).</summary>
    public static List<(bool Label, float Probability, float Weight)> Score(DuplicateModel model, IReadOnlyList<PairRow> rows)
    {
        var probabilities = model.Probabilities(rows.Select(r => r.Features).ToList());
        return rows.Select((r, i) => (r.Label, probabilities[i], r.Weight)).ToList();
    }
}
