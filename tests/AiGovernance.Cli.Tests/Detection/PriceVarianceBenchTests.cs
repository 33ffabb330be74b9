using AiGovernance.Cli.Bench.Detection;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Tests.Detection;

public sealed class PriceVarianceBenchTests
{
    private static readonly string Repo = CliRunner.RepoRoot();

    private static DetectionBenchContext Context(string dataRoot, StringWriter output) =>
        new(dataRoot, Path.Combine(Repo, "models"), output, new Progress<TrainingProgress>(), Seed: 42, Quick: true);

    [Fact]
    public async Task Quick_run_prints_the_detector_beside_the_robust_z_baseline_for_both_data_sets()
    {
        var data = Path.GetFullPath(Path.Combine(Repo, "..", "shared", "data"));
        Assert.True(Directory.Exists(data), $"{data} is missing: the bench needs the shared real data");
        var output = new StringWriter();

        var exit = await PriceVarianceBench.RunAsync(Context(data, output), CancellationToken.None);

        var text = output.ToString();
        Assert.True(exit is 0 or 2, text);
        Assert.Contains("robust z baseline", text);
        Assert.Contains("ratio detector / baseline", text);
        Assert.Contains("usaid-scms", text);
        Assert.Contains("uci-online-retail", text);
        Assert.Contains(exit == 0 ? "goal met" : "goal NOT met", text);
    }

    [Fact]
    public async Task Missing_data_fails_with_a_clear_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-data-{Guid.NewGuid():N}");

        var ex = await Assert.ThrowsAsync<CliException>(() => PriceVarianceBench.RunAsync(Context(missing, new StringWriter()), CancellationToken.None));

        Assert.Contains("price-variance bench needs the real data", ex.Message);
        Assert.Contains(missing, ex.Message);
    }
}
