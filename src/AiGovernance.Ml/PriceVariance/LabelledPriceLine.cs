namespace AiGovernance.Ml.PriceVariance;

/// <summary>A price line with its ground truth from the anomaly generator (datasets/price-variance).</summary>
/// <param name="IsAnomaly">True for an injected anomaly; drifted lines are legitimate (false).</param>
/// <param name="Anomaly">none, drift, decimal-shift, pack-as-unit, unit-as-pack, total-as-unit or markup.</param>
/// <param name="Source">The real data set the line came from (usaid-scms, uci-online-retail).</param>
public sealed record LabelledPriceLine(PriceLine Line, bool IsAnomaly, string Anomaly, string Source);

public static class AnomalyKinds
{
    public const string None = "none";
    public const string Drift = "drift";
    public const string DecimalShift = "decimal-shift";
    public const string PackAsUnit = "pack-as-unit";
    public const string UnitAsPack = "unit-as-pack";
    public const string TotalAsUnit = "total-as-unit";
    public const string Markup = "markup";

    public static readonly IReadOnlyList<string> All = [None, Drift, DecimalShift, PackAsUnit, UnitAsPack, TotalAsUnit, Markup];
}
