using System.CommandLine;

namespace AiGovernance.Cli.Commands;

// Placeholder replaced by the benchmark implementation in the same change set.
public static class BenchCommand
{
    public static Command Create() => new("bench", "Benchmarks.");
}
