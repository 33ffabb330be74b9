using AiGovernance.Ml.PriceVariance;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Ml.Tests.PriceVariance;

/// <summary>Trains a tiny regression on real lines from the committed dataset and scores through the public model API.</summary>
public sealed class PriceVarianceModelTests : IClassFixture<PriceVarianceModelTests.TinyModel>
{
    public sealed class TinyModel : IDisposable
    {
        public string Root { get; } = Path.Combine(Path.GetTempPath(), $"pv-model-{Guid.NewGuid():N}");
        public string ModelDirectory => Path.Combine(Root, "model");
        public TrainingReport Report { get; }

        public TinyModel()
        {
            var dataset = Path.Combine(RepoRoot(), "datasets", "price-variance", "train.csv");
            Assert.True(File.Exists(dataset), $"{dataset} is missing: regenerate it with `aigov datasets price-variance`");
            Directory.CreateDirectory(Root);
            var lines = File.ReadLines(dataset).Take(1801).ToList();
            File.WriteAllLines(Path.Combine(Root, "train.csv"), lines.Take(1201));
            File.WriteAllLines(Path.Combine(Root, "eval.csv"), lines.Take(1).Concat(lines.Skip(1201)));
            var trainer = new PriceVarianceTrainer
            {
                Folds = 2,
                Candidates =
                [
                    new("Sdca", new Dictionary<string, double> { ["l2"] = 0.01, ["iterations"] = 20 }),
                    new("LightGbm", new Dictionary<string, double> { ["leaves"] = 8, ["iterations"] = 20, ["learningRate"] = 0.2, ["minLeaf"] = 5 }),
                ],
            };
            Report = trainer.TrainAsync(new TrainingRequest(Path.Combine(Root, "train.csv"), ModelDirectory, "test.1", Seed: 7),
                new Progress<TrainingProgress>(), CancellationToken.None).GetAwaiter().GetResult();
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AiGovernance.sln"))) return dir.FullName;
            throw new InvalidOperationException("no AiGovernance.sln above the test directory");
        }
    }

    private readonly TinyModel _fixture;

    public PriceVarianceModelTests(TinyModel fixture) => _fixture = fixture;

    private static PriceLine Sparse(decimal price) =>
        new("new-1", "SCMS-NEW", "Efavirenz 600mg, tablets, 30 Tabs", "Aurobindo Pharma Limited", 1000, "pack of 30", price, "USD", new DateOnly(2008, 6, 1), null, "ARV / Adult");

    [Fact]
    public void Training_writes_model_params_metrics_and_card_with_every_sweep_candidate()
    {
        foreach (var file in new[] { "model.zip", "params.json", "metrics.json", "card.md" })
            Assert.True(File.Exists(Path.Combine(_fixture.ModelDirectory, file)), file);
        var metrics = File.ReadAllText(Path.Combine(_fixture.ModelDirectory, "metrics.json"));
        Assert.Contains("Sdca(l2=0.01, iterations=20)", metrics);
        Assert.Contains("LightGbm(leaves=8, iterations=20, learningRate=0.2, minLeaf=5)", metrics);
        Assert.Contains("\"heldOut\"", metrics);
    }

    [Fact]
    public void A_line_without_history_is_scored_by_the_regression_and_a_decimal_shift_is_flagged()
    {
        var model = PriceVarianceModel.Load(_fixture.ModelDirectory);
        var estimate = model.Score(Sparse(10m), []).ExpectedPrice!.Value;

        var normal = model.Score(Sparse(estimate), []);
        var shifted = model.Score(Sparse(estimate * 100), []);

        Assert.Equal("test.1", model.Version);
        Assert.Equal(PriceBasis.Regression, normal.Basis);
        Assert.InRange(estimate, 0.5m, 500m); // a pack of 30 ARV tablets: dollars, not cents or thousands
        Assert.False(normal.Flagged);
        Assert.True(shifted.Flagged, shifted.Reason);
        Assert.Contains("model estimate", shifted.Reason);
    }

    [Fact]
    public void Scoring_concurrently_gives_the_same_results_as_one_at_a_time()
    {
        var model = PriceVarianceModel.Load(_fixture.ModelDirectory);
        var lines = Enumerable.Range(1, 64).Select(i => Sparse(i * 1.5m) with { Id = $"l{i}", Quantity = i * 10 }).ToList();
        var sequential = lines.Select(l => model.Score(l, [])).ToList();

        var parallel = new PriceVarianceResult[lines.Count];
        Parallel.For(0, lines.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = model.Score(lines[i], []));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Load_names_a_missing_or_corrupt_file()
    {
        var copy = Path.Combine(_fixture.Root, "broken");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(_fixture.ModelDirectory, "params.json"), Path.Combine(copy, "params.json"), overwrite: true);

        var missing = Assert.Throws<InvalidDataException>(() => PriceVarianceModel.Load(copy));
        File.WriteAllText(Path.Combine(copy, "model.zip"), "not a zip");
        var corrupt = Assert.Throws<InvalidDataException>(() => PriceVarianceModel.Load(copy));

        Assert.Contains("model.zip: missing", missing.Message);
        Assert.Contains("model.zip: not a readable ML.NET model", corrupt.Message);
    }
}
