using System.CommandLine;

namespace AiGovernance.Cli.Commands.Detection;

// PLACEHOLDER — being written in this session; replaced before commit.
public static class PriceVarianceCli
{
    public static Command Detect() => new("price-variance", "Flag probable duplicate pairs in a CSV file.");
    public static Command Dataset() => new("price-variance", "Build datasets/price-variance from the real data.");
}
