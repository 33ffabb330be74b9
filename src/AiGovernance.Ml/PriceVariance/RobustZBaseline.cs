namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// The baseline the detector is measured against: a per-item modified z-score (Iglewicz–Hoaglin, |z| &gt; 3.5)
/// of the raw unit price over the item's earlier lines — no unit normalization, no supplier split, no windows.
/// </summary>
public static class RobustZBaseline
{
    public const double Threshold = 3.5;

    public static bool Flag(PriceLine line, IReadOnlyList<PriceLine> history)
    {
        if (history.Count < 3) return false;
        var prices = new double[history.Count];
        for (var i = 0; i < prices.Length; i++) prices[i] = (double)history[i].UnitPrice;
        var median = RobustStats.Median(prices);
        var mad = RobustStats.Mad(prices);
        return RobustStats.RobustZ((double)line.UnitPrice, median, mad) > Threshold;
    }
}
