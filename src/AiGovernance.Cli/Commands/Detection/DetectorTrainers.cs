using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.PriceVariance;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Commands.Detection;

/// <summary>The detector kinds the CLI can train and evaluate.</summary>
public static class DetectorTrainers
{
    private static readonly Dictionary<string, Func<IDetectorTrainer>> ByKind = new(StringComparer.Ordinal)
    {
        ["duplicate"] = () => new DuplicateTrainer(),
        ["price-variance"] = () => new PriceVarianceTrainer(),
    };

    public static IReadOnlyList<string> Kinds => [.. ByKind.Keys];

    public static IDetectorTrainer For(string kind) =>
        ByKind.TryGetValue(kind, out var make) ? make() : throw new CliException($"unknown model kind '{kind}' (known: {string.Join(", ", Kinds)})");
}
