using System.CommandLine;
using AiGovernance.Cli.Commands.Detection;

namespace AiGovernance.Cli.Commands;

/// <summary><c>aigov datasets duplicates | price-variance</c>: rebuild the labelled sets in datasets/ from the real data.</summary>
public static class DatasetsCommand
{
    public static Command Create()
    {
        var datasets = new Command("datasets", "Build labelled training and evaluation sets from the real public data (documented injection of duplicates and anomalies).");
        datasets.Subcommands.Add(DuplicateCli.Dataset());
        datasets.Subcommands.Add(PriceVarianceCli.Dataset());
        return datasets;
    }
}
