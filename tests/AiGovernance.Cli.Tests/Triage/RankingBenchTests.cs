namespace AiGovernance.Cli.Tests.Triage;

/// <summary><c>aigov bench triage --part ranking --quick</c> end to end on the real data sets (no database).</summary>
public sealed class RankingBenchTests
{
    [Fact]
    public async Task Quick_run_prints_the_four_orderings_with_NDCG_and_the_models_held_out_AUC()
    {
        var data = Path.GetFullPath(Path.Combine(CliRunner.RepoRoot(), "..", "shared", "data"));
        Assert.True(Directory.Exists(data), $"{data} is missing: the ranking bench needs the shared real data");

        var result = await CliRunner.RunAsync(TimeSpan.FromSeconds(90), "bench", "triage", "--part", "ranking", "--quick", "--data", data);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdOut.Split('\n');
        string[] orderings = ["triage score, learned probability", "triage score, blend (no model)", "first in, first out", "largest amount first"];
        foreach (var name in orderings)
        {
            var row = Assert.Single(lines, l => l.StartsWith(name, StringComparison.Ordinal));
            var ndcg = double.Parse(row[name.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(ndcg, 0, 1);
        }
        Assert.Contains("NDCG@10", result.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"held-out AUC 0\.\d{3}", result.StdOut);
        Assert.Contains("goal (learned triage order clearly above FIFO and largest-amount-first):", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_data_fails_with_a_clear_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-data-{Guid.NewGuid():N}");

        var result = await CliRunner.RunAsync("bench", "triage", "--part", "ranking", "--quick", "--data", missing);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ranking bench needs the real data", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }
}
