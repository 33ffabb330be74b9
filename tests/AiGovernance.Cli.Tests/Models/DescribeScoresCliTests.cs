using System.Text.Json.Nodes;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Tests.Models;

/// <summary><c>aigov models describe-scores</c>: a version trained before trainers recorded its score distribution gets one.</summary>
public class DescribeScoresCliTests
{
    [Fact]
    public async Task Describe_scores_writes_the_score_distribution_of_the_version_on_the_dataset_and_keeps_the_rest()
    {
        var source = Path.Combine(CliRunner.RepoRoot(), "models");
        var models = Directory.CreateTempSubdirectory("aigov-describe-").FullName;
        try
        {
            var version = new ModelRegistry(source).ActiveVersion("duplicate")!;
            var target = Path.Combine(models, "duplicate", version);
            Directory.CreateDirectory(target);
            File.Copy(Path.Combine(source, "registry.json"), Path.Combine(models, "registry.json"));
            File.Copy(Path.Combine(source, "duplicate", version, "model.zip"), Path.Combine(target, "model.zip"));
            var metrics = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(source, "duplicate", version, "metrics.json")))!.AsObject();
            metrics.Remove("score_distribution");
            await File.WriteAllTextAsync(Path.Combine(target, "metrics.json"), metrics.ToJsonString());
            // 150 labelled pairs of the committed evaluation set keep the embedding step short.
            var eval = await File.ReadAllLinesAsync(Path.Combine(CliRunner.RepoRoot(), "datasets", "duplicate", "eval.csv"));
            var dataset = Path.Combine(models, "small-eval.csv");
            await File.WriteAllLinesAsync(dataset, eval.Take(151));

            var result = await CliRunner.RunAsync(TimeSpan.FromSeconds(180),
                ["models", "describe-scores", "--kind", "duplicate", "--models-dir", models, "--dataset", dataset]);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("150 scores", result.StdOut, StringComparison.Ordinal);
            var written = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(target, "metrics.json")))!.AsObject();
            Assert.Equal(metrics["threshold"]!.GetValue<double>(), written["threshold"]!.GetValue<double>());
            var distribution = written["score_distribution"]!;
            Assert.Equal(150, distribution["count"]!.GetValue<long>());
            var shares = distribution["proportions"]!.AsArray().Select(p => p!.GetValue<double>()).ToList();
            Assert.Equal(distribution["edges"]!.AsArray().Count + 1, shares.Count);
            Assert.Equal(1.0, shares.Sum(), 3);
        }
        finally { Directory.Delete(models, recursive: true); }
    }
}
