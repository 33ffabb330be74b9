namespace AiGovernance.Data.Detection;

/// <summary>
/// What the detectors contribute to routing: the policy conditions <c>duplicate_probability</c> and
/// <c>price_variance_pct</c>. Null means not scored (model off, missing or nothing to compare).
/// </summary>
public sealed record DetectionSignals(double? DuplicateProbability, double? PriceVariancePct)
{
    public static readonly DetectionSignals None = new(null, null);
}
