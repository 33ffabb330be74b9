using System.CommandLine;
using AiGovernance.Cli.Commands.Detection;

namespace AiGovernance.Cli.Commands;

/// <summary><c>aigov detect duplicates | price-variance</c>: run the active models over a CSV file.</summary>
public static class DetectCommand
{
    public static Command Create()
    {
        var detect = new Command("detect", "Run the detection models over a CSV file (no database needed).");
        detect.Subcommands.Add(DuplicateCli.Detect());
        detect.Subcommands.Add(PriceVarianceCli.Detect());
        return detect;
    }
}
