using System.Text.Json.Nodes;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Tests.Models;

/// <summary><c>aigov models train|evaluate --kind category</c> on the committed dataset, into a scratch registry.</summary>
public class CategoryTrainCliTests
{
    [Fact]
    public async Task Quick_training_writes_a_model_directory_that_activates_and_evaluates_above_the_majority_baseline()
    {
        var models = Directory.CreateTempSubdirectory("aigov-category-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(models, ModelRegistry.FileName), """{ "active": {} }""");
            var dataset = Path.Combine(CliRunner.RepoRoot(), "datasets", "category", "train.csv");

            var train = await CliRunner.RunAsync(TimeSpan.FromSeconds(90),
                ["models", "train", "--kind", "category", "--quick", "--dataset", dataset, "--models-dir", models, "--version", "t1", "--activate"]);

            // --quick (one trainer) takes about 30 s with MiniLM on the loaded 2 cores; the 90 s limit above is the bound.
            Assert.True(train.ExitCode == 0, train.ToString());
            var dir = Path.Combine(models, "category", "t1");
            foreach (var file in new[] { "model.zip", "metrics.json", "card.md", "evidence.json" })
                Assert.True(File.Exists(Path.Combine(dir, file)), $"{file} missing in {dir}");
            Assert.Equal("t1", new ModelRegistry(models).ActiveVersion("category"));
            var metrics = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "metrics.json")))!;
            Assert.Equal("category", metrics["kind"]!.GetValue<string>());
            Assert.Equal("SdcaMaximumEntropy", metrics["trainer"]!.GetValue<string>()); // --quick: one trainer, no sweep
            Assert.Contains("Pharmaceuticals-ARV", metrics["classes"]!.AsArray().Select(c => c!.GetValue<string>()));
            var holdout = metrics["holdout"]!.AsArray();
            var model = holdout[0]!["macro_f1"]!.GetValue<double>();
            var majority = holdout.Single(h => h!["method"]!.GetValue<string>() == "majority class")!["macro_f1"]!.GetValue<double>();
            Assert.True(model > majority, $"model macro-F1 {model} not above majority {majority}");

            var eval = await CliRunner.RunAsync(TimeSpan.FromSeconds(90),
                ["models", "evaluate", "--kind", "category", "--models-dir", models, "--dataset", Path.Combine(CliRunner.RepoRoot(), "datasets", "category", "eval.csv")]);
            Assert.True(eval.ExitCode == 0, eval.ToString());
            Assert.Contains("category t1 on", eval.StdOut, StringComparison.Ordinal);
            Assert.Contains("macro-F1", eval.StdOut, StringComparison.Ordinal);
        }
        finally { Directory.Delete(models, recursive: true); }
    }
}
