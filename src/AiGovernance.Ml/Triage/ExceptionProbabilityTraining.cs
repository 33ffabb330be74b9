using System.Diagnostics;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Training;
using Microsoft.ML;

namespace AiGovernance.Ml.Triage;

/// <summary>Held-out figures of probabilities: ranking (AUC) and calibration (log-loss, Brier), plus the base rate for reading them.</summary>
public sealed record ProbabilityMetrics(int Rows, int Real, double Auc, double LogLoss, double Brier, double BaseRate, double MeanProbability)
{
    public static ProbabilityMetrics Of(IReadOnlyList<(bool Real, double Probability)> scored)
    {
        if (scored.Count == 0) return new(0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var real = scored.Count(s => s.Real);
        var auc = Metrics.Auc(scored.Select(s => (s.Real, (float)s.Probability, 1f)).ToList());
        var logLoss = scored.Average(s => -Math.Log(Math.Clamp(s.Real ? s.Probability : 1 - s.Probability, 1e-6, 1)));
        var brier = scored.Average(s => Math.Pow(s.Probability - (s.Real ? 1 : 0), 2));
        return new(scored.Count, real, auc, logLoss, brier, real / (double)scored.Count, scored.Average(s => s.Probability));
    }
}

public sealed record ExceptionTrainingResult(ExceptionProbabilityModel Model, SweepResult Winner, IReadOnlyList<SweepResult> Candidates,
    int Rows, int Real, double FitSeconds, double TotalSeconds);

/// <summary>
/// Cross-validated sweep over the detectors' candidate trainers, then the winner fitted on every row. The winner is
/// the highest cross-validated AUC (the probability orders the inbox, so ranking is what counts; the shared sweep's
/// F1 pick is for detectors that flag at a threshold). Every trainer's output is a calibrated probability.
/// </summary>
public static class ExceptionProbabilityTraining
{
    public static IReadOnlyList<SweepCandidate> Candidates(int seed, bool quick) => quick
        ? [DuplicateSweepCandidates.LightGbm(seed, leaves: 16, iterations: 100, learningRate: 0.05, minLeaf: 20), DuplicateSweepCandidates.Sdca(l2: 1e-3)]
        :
        [
            DuplicateSweepCandidates.LightGbm(seed, leaves: 16, iterations: 100, learningRate: 0.05, minLeaf: 20),
            DuplicateSweepCandidates.LightGbm(seed, leaves: 31, iterations: 200, learningRate: 0.03, minLeaf: 30),
            DuplicateSweepCandidates.LightGbm(seed, leaves: 8, iterations: 300, learningRate: 0.05, minLeaf: 50),
            DuplicateSweepCandidates.FastTree(leaves: 20, trees: 100, learningRate: 0.1),
            DuplicateSweepCandidates.Sdca(l2: 1e-3),
        ];

    public static ExceptionTrainingResult Train(IReadOnlyList<ExceptionExample> examples, IReadOnlyList<SweepCandidate> candidates, int folds, int seed,
        string version, IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        var real = examples.Count(e => e.Real);
        if (real < folds || examples.Count - real < folds)
            throw new InvalidDataException($"need at least {folds} real and {folds} dismissed exceptions to cross-validate; got {real} and {examples.Count - real}");
        var total = Stopwatch.StartNew();
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(Rows(examples));
        var results = BinaryClassifierSweep.Run(ml, data, candidates, folds, seed, progress, ct);
        var winner = results.OrderByDescending(r => Math.Round(r.Auc, 4)).First();
        var fit = Stopwatch.StartNew();
        var transformer = winner.Candidate.Build(ml).Fit(data);
        return new ExceptionTrainingResult(ExceptionProbabilityModel.FromTrained(ml, transformer, version, examples.Select(e => e.Facts.Type)), winner, results, examples.Count, real,
            fit.Elapsed.TotalSeconds, total.Elapsed.TotalSeconds);
    }

    public static List<ExceptionRow> Rows(IEnumerable<ExceptionExample> examples) =>
        examples.Select(e => new ExceptionRow { Label = e.Real, Features = ExceptionFeatures.Compute(e.Facts) }).ToList();

    public static List<(bool Real, double Probability)> Score(ExceptionProbabilityModel model, IReadOnlyList<ExceptionExample> examples)
    {
        var p = model.Probabilities(examples.Select(e => e.Facts).ToList());
        return examples.Select((e, i) => (e.Real, p[i])).ToList();
    }
}
