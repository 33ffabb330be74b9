using System.Text.Json.Nodes;
using AiGovernance.Cli.Bench.Retrain;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Cli.Tests.Outcomes;

/// <summary>Price-variance outcomes: export the judged lines, train a challenger with the base set, compare with the champion.</summary>
[Collection(CliDatabaseCollection.Name)]
public class PriceOutcomesCliTests(CliDatabaseFixture db)
{
    [Fact]
    public async Task Judged_price_lines_are_exported_and_a_challenger_trained_with_the_base_set_is_compared_with_the_champion()
    {
        var root = CliRunner.RepoRoot();
        var lines = PriceVarianceTrainer.Read(Path.Combine(root, "datasets", "price-variance", "eval.csv"), strict: true, []);
        var start = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var judged = lines.Where(l => l.IsAnomaly).Take(15).Concat(lines.Where(l => !l.IsAnomaly).Take(15)).OrderBy(l => l.Line.Date).ToList();
        var outcomes = judged.Select((l, i) => new SeededPriceOutcome(l.Line, Math.Round(l.Line.UnitPrice / 1.5m, 4), start.AddHours(i),
            l.IsAnomaly ? "accepted" : "rejected", l.IsAnomaly ? "overcharge confirmed" : "price agreed with the supplier")).ToList();
        var tenant = await db.NewTenantAsync();
        await OutcomeSeeder.SeedPriceLinesAsync(db.Owner, tenant.Id, outcomes, default);
        // The tenant's purchase history of those items: what the detector compared them with.
        var items = judged.Select(l => l.Line.Item).ToHashSet(StringComparer.Ordinal);
        var earlier = PriceVarianceTrainer.Read(Path.Combine(root, "datasets", "price-variance", "train.csv"), strict: true, []).Where(l => items.Contains(l.Line.Item)).ToList();
        await using (var scope = await TenantScope.BeginAsync(db.Owner, tenant.Id))
        {
            await PriceHistory.ImportAsync(scope, earlier.Select(l => PriceHistoryLines.From(l.Line)), "test", default);
            await scope.CommitAsync();
        }
        var work = Directory.CreateTempSubdirectory("aigov-pv-challenger-").FullName;
        try
        {
            var export = await CliRunner.RunAsync("outcomes", "export", "--kind", "price-variance", "--tenant", tenant.Slug, "--out", work);
            Assert.True(export.ExitCode == 0, export.ToString());
            var snapshot = export.StdOut.Split('\n').Single(l => l.StartsWith("snapshot: ", StringComparison.Ordinal))["snapshot: ".Length..].Trim();
            var train = PriceVarianceTrainer.Read(Path.Combine(snapshot, "train.csv"), strict: true, []);
            var eval = PriceVarianceTrainer.Read(Path.Combine(snapshot, "eval.csv"), strict: true, []);
            Assert.Equal(24, train.Count);
            Assert.Equal(6, eval.Count);
            Assert.Equal(15, train.Concat(eval).Count(l => l.IsAnomaly));
            Assert.All(train, l => Assert.Equal("outcomes:" + tenant.Slug, l.Source));
            Assert.Equal(judged[0].Line.UnitPrice, train[0].Line.UnitPrice);
            var history = PriceVarianceTrainer.Read(Path.Combine(snapshot, "history.csv"), strict: true, []);
            Assert.Equal(earlier.Count, history.Count);
            Assert.DoesNotContain("label", (await File.ReadAllLinesAsync(Path.Combine(snapshot, "history.csv")))[0], StringComparison.Ordinal);
            Assert.Contains("## Price history", await File.ReadAllTextAsync(Path.Combine(snapshot, "DATASHEET.md")), StringComparison.Ordinal);

            var registry = Path.Combine(work, "models");
            var champion = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "models", "registry.json")))!["active"]!["price-variance"]!.GetValue<string>();
            var championDir = Path.Combine(registry, "price-variance", champion);
            Directory.CreateDirectory(championDir);
            foreach (var file in Directory.GetFiles(Path.Combine(root, "models", "price-variance", champion))) File.Copy(file, Path.Combine(championDir, Path.GetFileName(file)));
            await File.WriteAllTextAsync(Path.Combine(registry, "registry.json"), "{\"active\": {\"price-variance\": \"" + champion + "\"}}");

            // The first 2,500 base lines keep the run inside the CLI runner's minute (the full 24,731 take longer).
            var basePath = Path.Combine(work, "base-train.csv");
            await using (var w = new StreamWriter(basePath) { NewLine = "\n" })
                PriceLineCsv.WriteDataset(w, PriceVarianceTrainer.Read(Path.Combine(root, "datasets", "price-variance", "train.csv"), strict: true, []).Take(2500));
            var result = await CliRunner.RunAsync(TimeSpan.FromMinutes(3), "models", "train", "--kind", "price-variance", "--dataset", snapshot, "--models-dir", registry,
                "--version", "pv-challenger.1", "--quick", "--with-base", basePath);

            Assert.True(result.ExitCode == 0, result.ToString());
            var metrics = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(registry, "price-variance", "pv-challenger.1", "metrics.json")))!;
            Assert.Equal(champion, metrics["comparison"]!["champion"]!["version"]!.GetValue<string>());
            Assert.Equal(6, metrics["comparison"]!["challenger"]!["rows"]!.GetValue<int>());
            Assert.Equal(6, metrics["comparison"]!["champion"]!["rows"]!.GetValue<int>());
            Assert.NotNull(metrics["comparison"]!["base_dataset"]!["sha256"]);
            Assert.Contains("recommended action:", result.StdOut, StringComparison.Ordinal);
        }
        finally { Directory.Delete(work, recursive: true); }
    }
}
