using AiGovernance.Ml.Training;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// The trainers and hyperparameters the duplicate sweep tries. Small on purpose: boosted trees with
/// a few depths and learning rates, and a linear baseline (SDCA logistic regression on min-max
/// normalized features) so the card shows what the trees buy. All seeded; single-threaded LightGbm so
/// a rerun gives the same model.
/// </summary>
public static class DuplicateSweepCandidates
{
    public static IReadOnlyList<SweepCandidate> All(int seed, bool quick)
    {
        var list = new List<SweepCandidate>
        {
            LightGbm(seed, leaves: 16, iterations: 100, learningRate: 0.1, minLeaf: 20),
            LightGbm(seed, leaves: 31, iterations: 200, learningRate: 0.05, minLeaf: 10),
            FastTree(leaves: 20, trees: 100, learningRate: 0.2),
            Sdca(l2: 1e-4),
        };
        if (!quick)
        {
            list.Insert(2, LightGbm(seed, leaves: 63, iterations: 300, learningRate: 0.05, minLeaf: 10));
            list.Insert(3, LightGbm(seed, leaves: 127, iterations: 500, learningRate: 0.05, minLeaf: 5));
            // Trained unweighted (the sampled mix), still selected and thresholded on the weighted out-of-fold scores.
            list.Insert(4, LightGbm(seed, leaves: 63, iterations: 300, learningRate: 0.05, minLeaf: 10, weighted: false));
            list.Insert(5, FastTree(leaves: 32, trees: 200, learningRate: 0.1));
            list.Add(Sdca(l2: 1e-2));
        }
        return list;
    }

    public static SweepCandidate LightGbm(int seed, int leaves, int iterations, double learningRate, int minLeaf, bool weighted = true) => new(
        "LightGbm",
        weighted
            ? P(("leaves", leaves), ("iterations", iterations), ("learning_rate", learningRate), ("min_leaf", minLeaf))
            : P(("leaves", leaves), ("iterations", iterations), ("learning_rate", learningRate), ("min_leaf", minLeaf), ("example_weights", "off")),
        ml => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfLeaves = leaves,
            NumberOfIterations = iterations,
            LearningRate = learningRate,
            MinimumExampleCountPerLeaf = minLeaf,
            ExampleWeightColumnName = weighted ? "Weight" : null,
            Seed = seed,
            NumberOfThreads = 1,
            Verbose = false,
            Silent = true,
        }));

    public static SweepCandidate FastTree(int leaves, int trees, double learningRate) => new(
        "FastTree",
        P(("leaves", leaves), ("trees", trees), ("learning_rate", learningRate)),
        ml => ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight", numberOfLeaves: leaves, numberOfTrees: trees, learningRate: learningRate));

    public static SweepCandidate Sdca(double l2) => new(
        "SdcaLogisticRegression",
        P(("l2", l2), ("normalize", "min-max")),
        ml => ml.Transforms.NormalizeMinMax("Features")
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(exampleWeightColumnName: "Weight", l2Regularization: (float)l2, maximumNumberOfIterations: 100)));

    private static Dictionary<string, string> P(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
}
