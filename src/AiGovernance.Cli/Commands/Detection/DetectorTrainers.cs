using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Embeddings;
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
        ["category"] = () => new AiGovernance.Ml.Categories.CategoryTrainer(),
        [AiGovernance.Ml.Triage.ExceptionProbabilityModel.Kind] = () => new AiGovernance.Ml.Triage.ExceptionProbabilityTrainer(),
    };

    public static IReadOnlyList<string> Kinds => [.. ByKind.Keys];

    public static IDetectorTrainer For(string kind) =>
        ByKind.TryGetValue(kind, out var make) ? make() : throw new CliException($"unknown model kind '{kind}' (known: {string.Join(", ", Kinds)})");

    /// <summary>
    /// A trainer for challengers: <paramref name="quick"/> sweeps fewer candidates on 3 folds (small snapshots,
    /// benches), <paramref name="embeddings"/> off trains on token trigrams only (no MiniLM).
    /// </summary>
    /// <param name="history">Price variance: earlier lines compared with but never counted (a snapshot's history.csv).</param>
    public static IDetectorTrainer For(string kind, bool quick, bool embeddings, IReadOnlyList<LabelledPriceLine>? history = null) => kind switch
    {
        "duplicate" => new DuplicateTrainer(embeddings ? null : () => (ITextEmbedder?)null, quickSweep: quick, folds: quick ? 3 : 5),
        "price-variance" => quick
            ? new PriceVarianceTrainer { Candidates = [.. RegressionCandidate.Default.Where(c => c.Trainer == "LightGbm").Take(1)], Folds = 3, History = history ?? [] }
            : new PriceVarianceTrainer { History = history ?? [] },
        "category" => new AiGovernance.Ml.Categories.CategoryTrainer(quick, embeddings),
        _ => For(kind),
    };
}
