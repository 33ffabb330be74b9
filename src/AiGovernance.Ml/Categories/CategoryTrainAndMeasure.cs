using System.Diagnostics;

namespace AiGovernance.Ml.Categories;

/// <summary>A trained classifier with its held-out figures beside the baselines (classifier first, then majority, lookup, word overlap).</summary>
public sealed record CategoryMeasuredModel(CategoryTrainingResult Result, IReadOnlyList<CategoryMethodMetrics> Methods, double ScoreSeconds);

/// <summary>
/// The one way a category model is made, for the bench (<c>aigov bench triage --part categories --save-model</c>) and the
/// trainer (<c>aigov models train --kind category</c>): sweep and fit on the training rows, then measure the classifier and
/// the baselines on the same held-out rows. The caller writes the directory with <see cref="CategoryModelWriter"/>.
/// </summary>
public static class CategoryTrainAndMeasure
{
    public static CategoryMeasuredModel Run(IReadOnlyList<CategoryExample> train, IReadOnlyList<CategoryExample> test, Func<CategoryExample, float[]?> embedding,
        string? embeddingModel, string version, int seed, bool quick, int sweepRows, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var classes = train.Select(e => e.Category).Distinct().Count();
        var candidates = CategorySweep.Candidates(classes, seed, quick);
        var result = CategoryTraining.Train(train, embedding, embeddingModel, candidates, folds: 3, seed, version, sweepRows, progress, ct);
        var watch = Stopwatch.StartNew();
        var predictions = test.Count == 0 ? [] : result.Model.PredictMany(test, embedding, top: 1);
        var scoreSeconds = watch.Elapsed.TotalSeconds;
        var methods = new List<CategoryMethodMetrics>
        {
            new($"classifier ({result.Winner.Candidate.Trainer})", ClassificationMetrics.Compute([.. test.Select((e, i) => (e.Category!, predictions[i].Best!.Category))])),
        };
        foreach (var (name, baseline) in new (string, Func<CategoryExample, string>)[]
        {
            ("majority class", CategoryBaselines.Majority(train)),
            ("supplier/description lookup", CategoryBaselines.SupplierOrDescriptionLookup(train)),
            ("nearest by word overlap", CategoryBaselines.NearestByWords(train)),
        })
            methods.Add(new(name, ClassificationMetrics.Compute([.. test.Select(e => (e.Category!, baseline(e)))])));
        return new CategoryMeasuredModel(result, methods, scoreSeconds);
    }
}
