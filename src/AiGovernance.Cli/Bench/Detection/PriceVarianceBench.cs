namespace AiGovernance.Cli.Bench.Detection;

// PLACEHOLDER — being written in this session; replaced before commit.
public static class PriceVarianceBench
{
    public static Task<int> RunAsync(DetectionBenchContext context, CancellationToken ct) => throw new NotImplementedException();
}
