using System.CommandLine;

namespace AiGovernance.Cli.Commands.Detection;

// PLACEHOLDER — being written in this session; replaced before commit.
public static class DuplicateCli
{
    public static Command Detect() => new("duplicates", "Flag probable duplicate pairs in a CSV file.");
    public static Command Dataset() => new("duplicates", "Build datasets/duplicate from the real data.");
}
