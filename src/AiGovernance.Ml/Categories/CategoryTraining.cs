using System.Diagnostics;
using AiGovernance.Ml.Training;
using Microsoft.ML;

namespace AiGovernance.Ml.Categories;

public sealed record CategoryTrainingResult(CategoryModel Model, IReadOnlyList<CategorySweepResult> Candidates, CategorySweepResult Winner,
    int Rows, int SweepRows, int Classes, double FitSeconds, double TotalSeconds);

/// <summary>Sweep on a subsample, then fit the winner on all training rows.</summary>
public static class CategoryTraining
{
    /// <param name="embedding">The MiniLM vector of an example's <see cref="CategoryExample.EmbeddingText"/>; null → zeros.</param>
    /// <param name="embeddingModel">Recorded with the model; null when trained without embeddings.</param>
    /// <param name="sweepRows">The sweep cross-validates on at most this many rows (seeded sample) to keep it cheap.</param>
    public static CategoryTrainingResult Train(IReadOnlyList<CategoryExample> training, Func<CategoryExample, float[]?> embedding, string? embeddingModel,
        IReadOnlyList<SweepCandidate> candidates, int folds, int seed, string version, int sweepRows = 6000,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        var labelled = training.Where(e => !string.IsNullOrWhiteSpace(e.Category)).ToList();
        if (labelled.Select(e => e.Category).Distinct().Count() < 2) throw new InvalidDataException("category training needs at least two categories");
        var total = Stopwatch.StartNew();
        var ml = new MLContext(seed);
        var sample = labelled.Count <= sweepRows ? labelled : labelled.OrderBy(e => Hash(e.Id, seed)).Take(sweepRows).ToList();
        List<CategorySweepResult> results;
        if (candidates.Count == 1)
            results = [new CategorySweepResult(candidates[0], double.NaN, double.NaN, double.NaN, 0)];
        else
            results = [.. CategorySweep.Run(ml, ml.Data.LoadFromEnumerable(Rows(sample, embedding)), candidates, folds, seed, progress, ct)];
        var winner = candidates.Count == 1 ? results[0] : CategorySweep.Best(results);
        var fit = Stopwatch.StartNew();
        var data = ml.Data.LoadFromEnumerable(Rows(labelled, embedding));
        var transformer = CategoryFeatures.Pipeline(ml, winner.Candidate.Build(ml)).Fit(data);
        fit.Stop();
        var model = CategoryModel.FromTrained(ml, transformer, version, embeddingModel, CategoryEvidence.Build(labelled));
        return new CategoryTrainingResult(model, results, winner, labelled.Count, sample.Count, model.Classes.Count, fit.Elapsed.TotalSeconds, total.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Rows with square-root class-balancing weights, sqrt(N / (K · n_c)): macro-F1 counts a rare category like a
    /// common one, and mis-coding hides in the rare ones; the square root keeps the majority categories' precision.
    /// </summary>
    public static IEnumerable<CategoryRow> Rows(IReadOnlyList<CategoryExample> examples, Func<CategoryExample, float[]?> embedding)
    {
        var counts = examples.GroupBy(e => e.Category!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return examples.Select(e => CategoryRow.From(e, embedding(e), (float)Math.Sqrt(examples.Count / (double)(counts.Count * counts[e.Category!]))));
    }

    /// <summary>A seeded, order-independent shuffle key (string.GetHashCode is randomized per process).</summary>
    public static ulong Hash(string id, int seed)
    {
        var h = 14695981039346656037UL ^ (ulong)seed;
        foreach (var c in id) { h ^= c; h *= 1099511628211UL; }
        return h;
    }
}
