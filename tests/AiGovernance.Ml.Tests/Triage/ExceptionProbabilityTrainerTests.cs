using AiGovernance.Ml.Registry;
using AiGovernance.Ml.Triage;

namespace AiGovernance.Ml.Tests.Triage;

public sealed class ExceptionProbabilityTrainerTests
{
    [Fact]
    public void The_feature_names_match_the_vector()
    {
        Assert.Equal(ExceptionFeatures.Count, ExceptionFeatures.Names.Count);
        Assert.Equal(ExceptionFeatures.Count, ExceptionFeatures.Compute(Facts("price_variance", 0.7, 5000, "high", 0, 0, 120)).Length);
    }

    /// <summary>
    /// A separable signal: price variances above 100 % on a problem supplier are real, small ones dismissed. The model must
    /// rank held-out rows almost perfectly and give probabilities in [0, 1] that average near the base rate (calibrated).
    /// </summary>
    [Fact]
    public async Task The_trainer_learns_a_separable_signal_with_calibrated_probabilities_and_writes_the_model_directory()
    {
        var dir = Directory.CreateTempSubdirectory("aigov-exprob-").FullName;
        try
        {
            var rng = new Random(7);
            ExceptionExample Row(int i, DateTimeOffset at)
            {
                var real = rng.NextDouble() < 0.3;
                var variance = real ? 120 + rng.NextDouble() * 200 : rng.NextDouble() * 60;
                return new ExceptionExample($"x{i}", at.AddHours(i), Facts("price_variance", 0.4 + rng.NextDouble() * 0.5, 1000 + rng.Next(50_000),
                    rng.NextDouble() < 0.5 ? "high" : "low", rng.Next(5), rng.Next(5), variance), real);
            }
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            ExceptionExampleCsv.Write(Path.Combine(dir, "train.csv"), Enumerable.Range(0, 600).Select(i => Row(i, start)).ToList());
            var eval = Enumerable.Range(600, 300).Select(i => Row(i, start)).ToList();
            ExceptionExampleCsv.Write(Path.Combine(dir, "eval.csv"), eval);

            var report = await new ExceptionProbabilityTrainer(quick: true).TrainAsync(
                new TrainingRequest(Path.Combine(dir, "train.csv"), Path.Combine(dir, "model"), "t-1"), new Progress<TrainingProgress>(), CancellationToken.None);

            Assert.Contains("held-out AUC", report.Headline, StringComparison.Ordinal);
            foreach (var f in new[] { "model.zip", "metrics.json", "card.md" }) Assert.True(File.Exists(Path.Combine(dir, "model", f)), f);
            var model = ExceptionProbabilityModel.Load(Path.Combine(dir, "model"));
            Assert.Equal("t-1", model.Version);
            var scored = ExceptionProbabilityTraining.Score(model, eval);
            Assert.All(scored, s => Assert.InRange(s.Probability, 0, 1));
            var m = ProbabilityMetrics.Of(scored);
            Assert.True(m.Auc > 0.97, $"AUC {m.Auc}");
            Assert.InRange(m.MeanProbability, m.BaseRate - 0.08, m.BaseRate + 0.08);
            Assert.True(m.Brier < 0.1, $"Brier {m.Brier}");
            // One clear case each way.
            Assert.True(model.Probability(Facts("price_variance", 0.6, 9000, "high", 2, 2, 300)) > 0.8);
            Assert.True(model.Probability(Facts("price_variance", 0.6, 9000, "high", 2, 2, 10)) < 0.2);

            var metrics = await File.ReadAllTextAsync(Path.Combine(dir, "model", "metrics.json"));
            Assert.Contains("\"score_distribution\"", metrics, StringComparison.Ordinal);
            Assert.Contains("\"log_loss\"", metrics, StringComparison.Ordinal);
            Assert.Contains("\"candidates\"", metrics, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void The_shipped_model_loads_and_scores_the_committed_eval_set_better_than_chance()
    {
        var repo = Path.GetDirectoryName(ModelRegistry.Locate(null, AppContext.BaseDirectory))!;
        var registry = new ModelRegistry(Path.Combine(repo, "models"));
        var version = registry.ActiveVersion(ExceptionProbabilityModel.Kind);
        Assert.NotNull(version);
        var model = ExceptionProbabilityModel.Load(registry.DirectoryOf(ExceptionProbabilityModel.Kind, version));
        var eval = ExceptionExampleCsv.Read(Path.Combine(repo, "datasets", "exception-probability", "eval.csv"), strict: true, _ => { });

        var m = ProbabilityMetrics.Of(ExceptionProbabilityTraining.Score(model, eval));

        Assert.True(m.Auc > 0.75, $"AUC {m.Auc}");
    }

    [Fact]
    public void The_csv_round_trips_and_rejects_a_bad_label_in_strict_mode()
    {
        var path = Path.GetTempFileName();
        try
        {
            var e = new ExceptionExample("a,1", new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero),
                new ExceptionFacts("probable_duplicate", "high", 0.81, 1234.5m, null, -3.5, 240, true, 4, 9, 1, 0, 0.81, null), true);
            ExceptionExampleCsv.Write(path, [e]);
            var back = Assert.Single(ExceptionExampleCsv.Read(path, strict: true, _ => { }));
            Assert.Equal(e, back);

            File.AppendAllText(path, "b,2026-03-01T10:00:00Z,over_budget,high,,,,,,0,0,0,0,0,,,2\n");
            var warnings = new List<string>();
            Assert.Single(ExceptionExampleCsv.Read(path, strict: false, warnings.Add));
            Assert.Contains("line 3", Assert.Single(warnings), StringComparison.Ordinal);
            Assert.Throws<InvalidDataException>(() => ExceptionExampleCsv.Read(path, strict: true, _ => { }));
        }
        finally { File.Delete(path); }
    }

    private static ExceptionFacts Facts(string type, double confidence, decimal amount, string risk, int supplierReal, int supplierDismissed, double variance) =>
        new(type, "medium", confidence, amount, risk, 48, 240, false, 10, 30, supplierReal, supplierDismissed, null, variance);
}
