using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Training;

namespace AiGovernance.Ml.Tests.Duplicates;

/// <summary>Trains one tiny model on the committed dataset (no embeddings, two folds) and shares it across the tests.</summary>
public sealed class TinyDuplicateModel : IDisposable
{
    public TinyDuplicateModel()
    {
        var dataset = Path.Combine(RepoRoot(), "datasets", "duplicate", "train.csv");
        Assert.True(File.Exists(dataset), $"{dataset} is missing: regenerate it with 'aigov datasets duplicates'");
        var pairs = LabelledPairCsv.Read(dataset, strict: true, _ => { }).Take(3000).ToList();
        var rows = DuplicateFeatureRows.Build(pairs, embeddings: null, seed: 1);
        Result = DuplicateModelTraining.Train(rows,
            [DuplicateSweepCandidates.LightGbm(1, leaves: 8, iterations: 40, learningRate: 0.2, minLeaf: 10), DuplicateSweepCandidates.Sdca(1e-3)],
            folds: 2, seed: 1, version: "test.1");
        Directory = Path.Combine(Path.GetTempPath(), $"dup-model-{Guid.NewGuid():N}");
        DuplicateModelWriter.Write(Directory, Result, dataset, holdOut: null, embeddings: false);
    }

    public DuplicateTrainingResult Result { get; }
    public string Directory { get; }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AiGovernance.sln"))) return dir.FullName;
        throw new InvalidOperationException("no AiGovernance.sln above the test directory");
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

public class DuplicateModelTests(TinyDuplicateModel tiny) : IClassFixture<TinyDuplicateModel>
{
    private static readonly DuplicateRecord Earlier = new("req-1", "Wolseley UK Ltd", "20002464", "INV-004711", "Copper pipe 15mm, 50 lengths",
        2445.81m, "GBP", new DateOnly(2024, 3, 1), "Direct Services", "D3021");

    private static readonly DuplicateRecord Repeat = Earlier with
    {
        Id = "req-2", Supplier = "WOLSELEY U.K. LIMITED", Reference = "INV004711", Description = "Copper pipe 15mm x50", Date = new DateOnly(2024, 3, 4),
    };

    private static readonly DuplicateRecord Unrelated = new("req-3", "Wolseley UK Ltd", "20002464", "INV-009120", "Radiator valves",
        310.00m, "GBP", new DateOnly(2024, 3, 20), "Direct Services", "D3021");

    [Fact]
    public void The_sweep_reports_every_candidate_and_picks_a_threshold()
    {
        Assert.Equal(2, tiny.Result.Candidates.Count);
        Assert.All(tiny.Result.Candidates, c => Assert.InRange(c.Auc, 0.5, 1.0));
        Assert.InRange(tiny.Result.Threshold, 0.0, 1.0);
        var metrics = File.ReadAllText(Path.Combine(tiny.Directory, "metrics.json"));
        Assert.Contains("\"candidates\"", metrics, StringComparison.Ordinal);
        Assert.Contains("SdcaLogisticRegression", metrics, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(tiny.Directory, "card.md")));
    }

    [Fact]
    public void A_rekeyed_repeat_is_flagged_with_reasons_and_drivers()
    {
        var model = DuplicateModel.Load(tiny.Directory);
        var match = model.Score(Repeat, Earlier);
        Assert.True(match.Flagged, $"p={match.Probability} threshold={model.Threshold}");
        Assert.Equal(("req-2", "req-1"), (match.IdA, match.IdB));
        Assert.Contains(match.Reasons, r => r.Contains("same reference after normalization", StringComparison.Ordinal));
        Assert.Contains(match.Reasons, r => r.Contains("identical amount 2,445.81", StringComparison.Ordinal));
        Assert.Contains(match.Reasons, r => r.Contains("supplier", StringComparison.Ordinal));
        Assert.NotEmpty(match.Drivers);
        Assert.True(match.Drivers[0].Contribution > 0, "the strongest driver of a flagged pair pushes towards duplicate");
    }

    [Fact]
    public void A_different_purchase_from_the_same_supplier_is_not_flagged()
    {
        var model = DuplicateModel.Load(tiny.Directory);
        var match = model.Score(Unrelated, Earlier);
        Assert.False(match.Flagged, $"p={match.Probability} threshold={model.Threshold}");
    }

    [Fact]
    public void ScoreAll_ranks_the_repeat_first_and_is_thread_safe()
    {
        var model = DuplicateModel.Load(tiny.Directory);
        var earlier = new[] { Unrelated with { Date = new DateOnly(2024, 2, 20) }, Earlier };
        var expected = model.ScoreAll(Repeat, earlier);
        Assert.Equal("req-1", expected[0].IdB);
        Assert.True(expected[0].Probability >= expected[1].Probability);

        var results = new IReadOnlyList<DuplicateMatch>[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = model.ScoreAll(Repeat, earlier));
        Assert.All(results, r => Assert.Equal(expected.Select(m => (m.IdB, m.Probability)), r.Select(m => (m.IdB, m.Probability))));
    }

    [Fact]
    public void Batch_probabilities_equal_single_scores()
    {
        var model = DuplicateModel.Load(tiny.Directory);
        var features = PairFeatures.Compute(new PreparedRecord(Repeat), new PreparedRecord(Earlier));
        Assert.Equal(model.Score(Repeat, Earlier).Probability, model.Probabilities([features])[0], 5);
    }

    [Fact]
    public void Load_says_clearly_when_the_model_is_missing_or_corrupt()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"dup-bad-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var missing = Assert.Throws<InvalidDataException>(() => DuplicateModel.Load(dir));
            Assert.Contains("model.zip is missing", missing.Message, StringComparison.Ordinal);

            File.Copy(Path.Combine(tiny.Directory, "metrics.json"), Path.Combine(dir, "metrics.json"));
            File.WriteAllText(Path.Combine(dir, "model.zip"), "not a zip");
            var corrupt = Assert.Throws<InvalidDataException>(() => DuplicateModel.Load(dir));
            Assert.Contains("not a readable ML.NET model", corrupt.Message, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Weighted_best_f1_counts_negatives_by_their_weight()
    {
        // One positive at 0.9, one negative at 0.8 standing for 10 pairs: cutting above the negative is best.
        var (f1, threshold, precision, recall) = BinaryClassifierSweep.BestF1([(true, 0.9f, 1f), (false, 0.8f, 10f), (true, 0.1f, 1f)]);
        Assert.Equal(1.0, precision);
        Assert.Equal(0.5, recall);
        Assert.Equal(2 / 3.0, f1, 6);
        Assert.InRange(threshold, 0.8, 0.9);
    }
}
