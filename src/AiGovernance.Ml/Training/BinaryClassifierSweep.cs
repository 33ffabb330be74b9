using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AiGovernance.Ml.Training;

/// <summary>One trainer configuration tried by the sweep.</summary>
/// <param name="Trainer">ML.NET trainer name, e.g. "LightGbm".</param>
/// <param name="Hyperparameters">What was set, as printable strings (goes into metrics.json).</param>
/// <param name="Build">Creates the estimator that maps a "Features" vector and a bool "Label" to a calibrated "Probability".</param>
public sealed record SweepCandidate(string Trainer, IReadOnlyDictionary<string, string> Hyperparameters, Func<MLContext, IEstimator<ITransformer>> Build)
{
    public string Name => Trainer + "(" + string.Join(", ", Hyperparameters.Select(h => $"{h.Key}={h.Value}")) + ")";
}

/// <summary>Cross-validated metrics of one candidate. AUC/AUPRC are ML.NET's fold means; F1, precision and recall are weighted
/// (example weights) at the threshold that maximizes F1 on the pooled out-of-fold scores.</summary>
public sealed record SweepResult(SweepCandidate Candidate, double Auc, double AucPr, double BestF1, double BestThreshold,
    double Precision, double Recall, double Seconds);

/// <summary>
/// Model selection without AutoML: k-fold cross-validation of each candidate on the same folds, pick
/// the best weighted F1 at its best threshold on pooled out-of-fold probabilities (the classes are
/// imbalanced, so ROC AUC flatters), and ship that threshold. Shared by any
/// binary detector (labels bool "Label", features float vector "Features").
/// </summary>
public static class BinaryClassifierSweep
{
    public static IReadOnlyList<SweepResult> Run(MLContext ml, IDataView data, IReadOnlyList<SweepCandidate> candidates, int folds, int seed,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        var results = new List<SweepResult>();
        for (var i = 0; i < candidates.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var c = candidates[i];
            var watch = Stopwatch.StartNew();
            var cv = ml.BinaryClassification.CrossValidate(data, c.Build(ml), numberOfFolds: folds, labelColumnName: "Label", seed: seed);
            watch.Stop();
            var pooled = new List<(bool Label, float Probability, float Weight)>();
            foreach (var fold in cv) pooled.AddRange(LabelsAndProbabilities(fold.ScoredHoldOutSet));
            var (f1, threshold, precision, recall) = BestF1(pooled);
            results.Add(new SweepResult(c,
                cv.Average(f => f.Metrics.AreaUnderRocCurve),
                cv.Average(f => f.Metrics.AreaUnderPrecisionRecallCurve),
                f1, threshold, precision, recall, watch.Elapsed.TotalSeconds));
            progress?.Report((i + 1, candidates.Count));
        }
        return results;
    }

    /// <summary>
    /// The winner: highest weighted best-F1 (the operating point we ship, on the real class mix), ties broken by
    /// AUPRC then by sweep order (simpler candidates first). ML.NET's AUPRC ignores example weights, so on
    /// sampled negatives it would reward the wrong model.
    /// </summary>
    public static SweepResult Best(IReadOnlyList<SweepResult> results) =>
        results.OrderByDescending(r => Math.Round(r.BestF1, 4)).ThenByDescending(r => Math.Round(r.AucPr, 4)).First();

    public static IEnumerable<(bool Label, float Probability, float Weight)> LabelsAndProbabilities(IDataView scored)
    {
        var labels = scored.GetColumn<bool>("Label").ToList();
        var probabilities = scored.GetColumn<float>("Probability").ToList();
        var weights = scored.Schema.GetColumnOrNull("Weight") is null ? labels.Select(_ => 1f).ToList() : scored.GetColumn<float>("Weight").ToList();
        return labels.Select((l, i) => (l, probabilities[i], weights[i]));
    }

    /// <summary>The threshold maximizing F1 over the given scores (a positive is probability ≥ threshold).</summary>
    public static (double F1, double Threshold, double Precision, double Recall) BestF1(IReadOnlyList<(bool Label, float Probability, float Weight)> scored)
    {
        var positives = scored.Where(s => s.Label).Sum(s => (double)s.Weight);
        if (positives == 0) return (0, 0.5, 0, 0);
        var sorted = scored.OrderByDescending(s => s.Probability).ToList();
        double best = -1, bestThreshold = 0.5, bestP = 0, bestR = 0;
        double tp = 0, flagged = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            flagged += sorted[i].Weight;
            if (sorted[i].Label) tp += sorted[i].Weight;
            // Only cut between distinct probabilities, so the threshold is reproducible.
            if (i + 1 < sorted.Count && sorted[i + 1].Probability == sorted[i].Probability) continue;
            var precision = tp / flagged;
            var recall = tp / positives;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > best)
            {
                best = f1;
                // Midway to the next lower score: robust to small calibration shifts between folds and the final fit.
                var next = i + 1 < sorted.Count ? sorted[i + 1].Probability : 0f;
                bestThreshold = (sorted[i].Probability + next) / 2.0;
                bestP = precision;
                bestR = recall;
            }
        }
        return (best, bestThreshold, bestP, bestR);
    }

    /// <summary>Precision, recall and F1 at a fixed threshold.</summary>
    public static (double Precision, double Recall, double F1) At(IEnumerable<(bool Label, float Probability, float Weight)> scored, double threshold)
    {
        double tp = 0, fp = 0, fn = 0;
        foreach (var (label, p, w) in scored)
        {
            var flagged = p >= threshold;
            if (flagged && label) tp += w;
            else if (flagged) fp += w;
            else if (label) fn += w;
        }
        return Metrics.PrecisionRecallF1(tp, fp, fn);
    }
}

/// <summary>Counting metrics shared by the sweep and the benches.</summary>
public static class Metrics
{
    public static (double Precision, double Recall, double F1) PrecisionRecallF1(double tp, double fp, double fn)
    {
        var precision = tp + fp == 0 ? 0 : tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    /// <summary>ROC AUC by the rank-sum (Mann-Whitney) formula, ties counted half (unweighted).</summary>
    public static double Auc(IReadOnlyList<(bool Label, float Probability, float Weight)> scored)
    {
        var sorted = scored.OrderBy(s => s.Probability).ToList();
        double rankSum = 0;
        long pos = 0;
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j < sorted.Count && sorted[j].Probability == sorted[i].Probability) j++;
            var avgRank = (i + 1 + j) / 2.0;
            for (var k = i; k < j; k++) if (sorted[k].Label) { rankSum += avgRank; pos++; }
            i = j;
        }
        long neg = sorted.Count - pos;
        return pos == 0 || neg == 0 ? double.NaN : (rankSum - pos * (pos + 1) / 2.0) / (pos * (double)neg);
    }
}
