using System.Text.Json.Nodes;
using AiGovernance.Cli.Bench.Retrain;
using AiGovernance.Data.Outcomes;
using AiGovernance.Ml.Duplicates;

namespace AiGovernance.Cli.Tests.Outcomes;

/// <summary>
/// <c>aigov outcomes export</c> and <c>aigov models train --dataset SNAPSHOT</c> against the test database: decided
/// duplicate recommendations become a time-split snapshot, an opted-out tenant is never read, and the challenger
/// is written beside a champion comparison without being activated.
/// </summary>
[Collection(CliDatabaseCollection.Name)]
public class OutcomesCliTests(CliDatabaseFixture db)
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Real labelled pairs of the committed eval set, decided one hour apart in the order of their dates.</summary>
    private static List<SeededOutcome> Outcomes(int perClass, int skip = 0)
    {
        var pairs = LabelledPairCsv.Read(Path.Combine(CliRunner.RepoRoot(), "datasets", "duplicate", "eval.csv"), strict: true, _ => { });
        var chosen = pairs.Where(p => p.Label).Skip(skip).Take(perClass).Concat(pairs.Where(p => !p.Label).Skip(skip).Take(perClass))
            .OrderBy(p => p.A.Date).ThenBy(p => p.A.Id, StringComparer.Ordinal).ToList();
        return chosen.Select((p, i) => new SeededOutcome(p, Start.AddHours(i), p.Label ? "accepted" : "rejected",
            p.Label ? "confirmed duplicate" : p.Kind == "hard-negative" ? "Recurring payment, not a duplicate" : "different purchase")).ToList();
    }

    private static async Task<(string Directory, JsonObject Manifest)> ExportAsync(string outDir, params string[] tenants)
    {
        var args = new List<string> { "outcomes", "export", "--kind", "duplicate", "--out", outDir, "--blind-review", "5" };
        foreach (var t in tenants) args.AddRange(["--tenant", t]);
        var result = await CliRunner.RunAsync([.. args]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var dir = result.StdOut.Split('\n').Single(l => l.StartsWith("snapshot: ", StringComparison.Ordinal))["snapshot: ".Length..].Trim();
        return (dir, JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "manifest.json")))!.AsObject());
    }

    [Fact]
    public async Task Export_writes_a_time_split_snapshot_of_decided_outcomes_and_never_reads_an_opted_out_tenant()
    {
        var included = await db.NewTenantAsync();
        var optedOut = await db.NewTenantAsync();
        await OutcomeSeeder.SeedDuplicatesAsync(db.Owner, included.Id, Outcomes(10), unflagged: 8, default);
        await OutcomeSeeder.SeedDuplicatesAsync(db.Owner, optedOut.Id, Outcomes(4, skip: 20), unflagged: 2, default);
        var optOut = await CliRunner.RunAsync("outcomes", "opt-out", "--tenant", optedOut.Slug);
        Assert.True(optOut.ExitCode == 0, optOut.ToString());
        var outDir = Directory.CreateTempSubdirectory("aigov-outcomes-").FullName;
        try
        {
            var (dir, manifest) = await ExportAsync(outDir, included.Slug, optedOut.Slug);

            Assert.Equal([included.Slug], manifest["tenants_included"]!.AsArray().Select(t => t!.GetValue<string>()));
            var excluded = Assert.Single(manifest["tenants_excluded"]!.AsArray());
            Assert.Equal(optedOut.Slug, excluded!["tenant"]!.GetValue<string>());
            Assert.Equal("opted out of training", excluded["reason"]!.GetValue<string>());
            Assert.Equal(16, manifest["counts"]!["train"]!["rows"]!.GetValue<int>());
            Assert.Equal(4, manifest["counts"]!["eval"]!["rows"]!.GetValue<int>());
            Assert.Equal(20, manifest["recommendation_ids"]!["train"]!.AsArray().Count + manifest["recommendation_ids"]!["eval"]!.AsArray().Count);
            Assert.Equal(5, manifest["counts"]!["blind_review"]!.GetValue<int>());

            // Training rows come before the split instant, evaluation rows at or after it, in the trainer's own format.
            var train = LabelledPairCsv.Read(Path.Combine(dir, "train.csv"), strict: true, _ => { });
            var eval = LabelledPairCsv.Read(Path.Combine(dir, "eval.csv"), strict: true, _ => { });
            Assert.Equal(16, train.Count);
            Assert.Equal(4, eval.Count);
            Assert.Equal(10, train.Count(p => p.Label) + eval.Count(p => p.Label));
            Assert.Equal(Start.AddHours(16).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
                manifest["time_range"]!["split_at"]!.GetValue<string>());

            var sheet = await File.ReadAllTextAsync(Path.Combine(dir, "DATASHEET.md"));
            Assert.Contains($"`{optedOut.Slug}` (opted out of training)", sheet, StringComparison.Ordinal);
            Assert.Contains("| confirmed duplicate | 10 | 0 |", sheet, StringComparison.Ordinal);
            var blind = (await File.ReadAllLinesAsync(Path.Combine(dir, "blind-review.csv"))).Where(l => l.Length > 0).ToList();
            Assert.Equal("tenant,requisition_id,number,detector,model_version,score,scored_at", blind[0]);
            Assert.Equal(6, blind.Count);
            Assert.All(blind.Skip(1), l => Assert.StartsWith(included.Slug + ",", l, StringComparison.Ordinal));

            // Same inputs, same bytes: a second export has the same hash.
            var (_, again) = await ExportAsync(outDir, included.Slug, optedOut.Slug);
            Assert.Equal(manifest["snapshot_sha256"]!.GetValue<string>(), again["snapshot_sha256"]!.GetValue<string>());
        }
        finally
        {
            await OutcomeTenants.SetOptOutAsync(db.Owner, optedOut.Id, false, default);
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public async Task Training_on_a_snapshot_writes_a_challenger_compared_with_the_champion_and_leaves_the_champion_active()
    {
        var tenant = await db.NewTenantAsync();
        await OutcomeSeeder.SeedDuplicatesAsync(db.Owner, tenant.Id, Outcomes(25), unflagged: 0, default);
        var work = Directory.CreateTempSubdirectory("aigov-challenger-").FullName;
        try
        {
            var (snapshot, manifest) = await ExportAsync(Path.Combine(work, "outcomes"), tenant.Slug);
            // A private registry holding the committed champion, so the test never writes into models/.
            var registry = Path.Combine(work, "models");
            var champion = ActiveDuplicateVersion();
            CopyDirectory(Path.Combine(CliRunner.RepoRoot(), "models", "duplicate", champion), Path.Combine(registry, "duplicate", champion));
            await File.WriteAllTextAsync(Path.Combine(registry, "registry.json"), "{\"active\": {\"duplicate\": \"" + champion + "\"}}");

            var result = await CliRunner.RunAsync(TimeSpan.FromMinutes(3), "models", "train", "--kind", "duplicate", "--dataset", snapshot, "--models-dir", registry,
                "--version", "challenger.1", "--quick", "--no-embeddings");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("false-positive rate", result.StdOut, StringComparison.Ordinal);
            var metrics = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(registry, "duplicate", "challenger.1", "metrics.json")))!;
            var comparison = metrics["comparison"]!;
            Assert.Equal(manifest["snapshot_sha256"]!.GetValue<string>(), metrics["snapshot_sha256"]!.GetValue<string>());
            Assert.Equal("challenger.1", comparison["challenger"]!["version"]!.GetValue<string>());
            Assert.Equal(champion, comparison["champion"]!["version"]!.GetValue<string>());
            Assert.Equal(10, comparison["challenger"]!["rows"]!.GetValue<int>());
            Assert.Equal(10, comparison["champion"]!["rows"]!.GetValue<int>());
            Assert.NotNull(comparison["deltas"]!["f1"]);
            Assert.Contains(metrics["recommended_action"]!.GetValue<string>(), new[] { "request promotion", "keep champion" });
            var card = await File.ReadAllTextAsync(Path.Combine(registry, "duplicate", "challenger.1", "card.md"));
            Assert.Contains($"champion {champion}", card, StringComparison.Ordinal);
            Assert.Contains("## Known limits", card, StringComparison.Ordinal);
            // Training never promotes.
            Assert.Contains($"\"duplicate\": \"{champion}\"", await File.ReadAllTextAsync(Path.Combine(registry, "registry.json")), StringComparison.Ordinal);
        }
        finally { Directory.Delete(work, recursive: true); }
    }

    private static string ActiveDuplicateVersion() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), "models", "registry.json")))!["active"]!["duplicate"]!.GetValue<string>();

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
