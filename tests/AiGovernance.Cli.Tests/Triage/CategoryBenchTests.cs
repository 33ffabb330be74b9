using AiGovernance.Cli.Bench.Triage;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Tests.Triage;

public sealed class CategoryBenchTests
{
    private static readonly string Repo = CliRunner.RepoRoot();

    private static TriageBenchContext Context(string dataRoot, StringWriter output) =>
        new(dataRoot, Path.Combine(Repo, "models"), output, new Progress<TrainingProgress>(), Seed: 42, Quick: true);

    [Fact]
    public async Task Quick_run_prints_the_classifier_beside_the_baselines_for_both_data_sets()
    {
        var data = Path.GetFullPath(Path.Combine(Repo, "..", "shared", "data"));
        Assert.True(Directory.Exists(data), $"{data} is missing: the bench needs the shared real data");
        var output = new StringWriter();

        var exit = await CategoryBench.RunAsync(Context(data, output), CancellationToken.None);

        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("USAID SCMS PO lines", text);
        Assert.Contains("Oxford spend", text);
        Assert.Contains("majority class", text);
        Assert.Contains("supplier/description lookup", text);
        Assert.Contains("macro-F1", text);
        Assert.Contains("test class counts: ARV", text);
        Assert.Contains("categories: macro-F1 above the majority baseline on both data sets: yes", text);
        Assert.Matches(@"category scoring per requisition \(model [^,]+, all-MiniLM-L6-v2, 50 demo-tenant requisitions, every second one mis-coded\): p50 [0-9.]+ ms, p95 [0-9.]+ ms", text);
    }

    [Fact]
    public async Task Missing_data_fails_with_a_clear_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-data-{Guid.NewGuid():N}");

        var ex = await Assert.ThrowsAsync<CliException>(() => CategoryBench.RunAsync(Context(missing, new StringWriter()), CancellationToken.None));

        Assert.Contains("category bench needs the real data", ex.Message);
        Assert.Contains(missing, ex.Message);
    }
}
