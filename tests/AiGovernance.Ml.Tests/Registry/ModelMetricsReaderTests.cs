using AiGovernance.Core.Models;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Ml.Tests.Registry;

public class ModelMetricsReaderTests
{
    private static ModelRegistry Repository => new(ModelRegistry.Locate(null, AppContext.BaseDirectory));

    [Fact]
    public void Without_a_trainer_comparison_each_version_is_read_from_its_own_metrics_and_the_basis_says_so()
    {
        // The shipped price-variance versions predate the comparison section: held-out F1 of the "all" slice.
        var c = ModelMetricsReader.Compare(Repository, "price-variance", "2026-11-29.4", "2026-11-29.3");
        Assert.Equal(("f1", true, MetricComparison.ChampionOwnMetrics), (c.Metric, c.HigherIsBetter, c.Basis));
        Assert.NotNull(c.Challenger);
        Assert.NotNull(c.Champion);
    }

    [Fact]
    public void The_trainers_comparison_on_one_evaluation_set_wins_when_it_names_the_active_champion()
    {
        var dir = Directory.CreateTempSubdirectory("aigov-metrics-").FullName;
        var registry = new ModelRegistry(dir);
        Write(registry, "v1", """{ "holdout": { "f1": 0.94 } }""");
        Write(registry, "v2", """{ "comparison": { "primary_metric": "f1", "challenger": { "f1": 0.91 }, "champion": { "version": "v1", "f1": 0.93 } } }""");
        var same = ModelMetricsReader.Compare(registry, "duplicate", "v2", "v1");
        Assert.Equal((0.91, 0.93, MetricComparison.SameEvaluationSet), (same.Challenger, same.Champion, same.Basis));
        Assert.True(same.ChallengerIsWorse);

        // Measured against another champion than the active one: fall back to that champion's own figure.
        Write(registry, "v0", """{ "holdout": { "f1": 0.80 } }""");
        var other = ModelMetricsReader.Compare(registry, "duplicate", "v2", "v0");
        Assert.Equal((0.80, MetricComparison.ChampionOwnMetrics), (other.Champion, other.Basis));
        Assert.False(other.ChallengerIsWorse);

        // Nested shapes a trainer may write: values under a sub-object, or both on primary_metric.
        Write(registry, "v3", """{ "challenger": { "holdout": { "f1": 0.97 } }, "champion": { "version": "v1", "holdout": { "f1": 0.94 } } }""");
        Assert.Equal((0.97, 0.94, MetricComparison.SameEvaluationSet), ModelMetricsReader.Compare(registry, "duplicate", "v3", "v1") is var n ? (n.Challenger, n.Champion, n.Basis) : default);
        Write(registry, "v4", """{ "comparison": { "primary_metric": { "name": "rmse", "challenger": 0.5, "champion": 0.4 } } }""");
        var rmse = ModelMetricsReader.Compare(registry, "duplicate", "v4", "v1");
        Assert.Equal(("rmse", false, true), (rmse.Metric, rmse.HigherIsBetter, rmse.ChallengerIsWorse));

        var first = ModelMetricsReader.Compare(registry, "duplicate", "v1", null);
        Assert.Equal((0.94, (double?)null, MetricComparison.NoChampion), (first.Challenger, first.Champion, first.Basis));
        Directory.Delete(dir, true);
    }

    private static void Write(ModelRegistry registry, string version, string json)
    {
        var d = registry.DirectoryOf("duplicate", version);
        Directory.CreateDirectory(d);
        File.WriteAllText(Path.Combine(d, "metrics.json"), json);
    }
}

public class ModelRegistryVersionTests
{
    [Fact]
    public void The_next_version_is_one_past_the_days_highest_counter_even_with_gaps()
    {
        var registry = new ModelRegistry(Directory.CreateTempSubdirectory("aigov-registry-").FullName);
        var day = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal("2026-11-29.1", registry.NextVersion("duplicate", day));
        Directory.CreateDirectory(registry.DirectoryOf("duplicate", "2026-11-29.2")); // .1 deleted or never copied in
        Directory.CreateDirectory(registry.DirectoryOf("duplicate", "2026-11-28.7"));
        Assert.Equal("2026-11-29.3", registry.NextVersion("duplicate", day));
        Directory.Delete(registry.Root, true);
    }
}
