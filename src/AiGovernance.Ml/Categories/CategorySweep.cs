using System.Diagnostics;
using AiGovernance.Ml.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace AiGovernance.Ml.Categories;

/// <summary>Cross-validated metrics of one multiclass candidate: macro-F1 and accuracy on the pooled out-of-fold predictions.</summary>
public sealed record CategorySweepResult(SweepCandidate Candidate, double MacroF1, double Accuracy, double LogLoss, double Seconds);

/// <summary>
/// Model selection without AutoML, multiclass: k-fold CV of a few trainers on the same folds (of a subsample, so the
/// sweep stays cheap on 2 cores), winner by macro-F1 (every category counts alike: the rare ones are where
/// mis-coding hides), ties by accuracy then by sweep order.
/// </summary>
public static class CategorySweep
{
    /// <summary>Every candidate trains with the rows' class-balancing "Weight". The candidates: two linear maximum-entropy models
    /// (softmax probabilities) and LightGbm multiclass. One-versus-all FastTree was tried and dropped: binning ~10k sparse n-gram
    /// features once per class and fold took over four minutes on the (shared) 2 cores for 5 classes, so it was dropped
    /// before its figures came in. LightGbm grows one tree per class per iteration, so it is left out above 100 classes.</summary>
    public static IReadOnlyList<SweepCandidate> Candidates(int classes, int seed, bool quick)
    {
        var list = new List<SweepCandidate>
        {
            new("SdcaMaximumEntropy", new Dictionary<string, string> { ["maximumNumberOfIterations"] = "30" },
                ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { MaximumNumberOfIterations = 30, NumberOfThreads = 1, ExampleWeightColumnName = "Weight" })),
        };
        if (quick) return list;
        list.Add(new("LbfgsMaximumEntropy", new Dictionary<string, string> { ["l2"] = "0.01" },
            ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { L2Regularization = 0.01f, MaximumNumberOfIterations = 100, ExampleWeightColumnName = "Weight" })));
        if (classes <= 100)
            list.Add(new("LightGbm", new Dictionary<string, string> { ["leaves"] = "16", ["iterations"] = "40", ["learningRate"] = "0.2" },
            ml => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                NumberOfLeaves = 16, NumberOfIterations = 40, LearningRate = 0.2, MinimumExampleCountPerLeaf = 5, Seed = seed, NumberOfThreads = 1, Verbose = false, ExampleWeightColumnName = "Weight",
            })));
        return list;
    }

    public static IReadOnlyList<CategorySweepResult> Run(MLContext ml, IDataView data, IReadOnlyList<SweepCandidate> candidates, int folds, int seed,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        var results = new List<CategorySweepResult>();
        for (var i = 0; i < candidates.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var c = candidates[i];
            var watch = Stopwatch.StartNew();
            var cv = ml.MulticlassClassification.CrossValidate(data, CategoryFeatures.Pipeline(ml, c.Build(ml)), numberOfFolds: folds, labelColumnName: "Label", seed: seed);
            watch.Stop();
            var pooled = new List<(string, string)>();
            foreach (var fold in cv)
            {
                // The fold's scored set carries the key-typed Label; its string values come back through the key names.
                var predicted = fold.ScoredHoldOutSet.GetColumn<string>("PredictedLabel").ToList();
                var truth = KeyNames(fold.ScoredHoldOutSet);
                pooled.AddRange(truth.Zip(predicted));
            }
            var m = ClassificationMetrics.Compute(pooled);
            results.Add(new CategorySweepResult(c, m.MacroF1, m.Accuracy, cv.Average(f => f.Metrics.LogLoss), watch.Elapsed.TotalSeconds));
            progress?.Report((i + 1, candidates.Count));
        }
        return results;
    }

    public static CategorySweepResult Best(IReadOnlyList<CategorySweepResult> results) =>
        results.OrderByDescending(r => Math.Round(r.MacroF1, 4)).ThenByDescending(r => Math.Round(r.Accuracy, 4)).First();

    private static List<string> KeyNames(IDataView scored)
    {
        var column = scored.Schema["Label"];
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetKeyValues(ref names);
        var values = names.DenseValues().Select(v => v.ToString()).ToList();
        return scored.GetColumn<uint>("Label").Select(k => k == 0 ? "" : values[(int)k - 1]).ToList();
    }
}
