namespace AiGovernance.Ml.PriceVariance;

/// <summary>Which reference the expected price came from, in order of precedence.</summary>
public static class PriceBasis
{
    public const string Contract = "contract";
    public const string SupplierHistory = "supplier-history";
    public const string ItemHistory = "item-history";
    public const string Regression = "regression";
    public const string None = "none";
}

/// <summary>What a history window says about an item's price (log price per base unit).</summary>
/// <param name="ClosestLog">The reference nearest the line: the median, a recurring price point, or the recent median.</param>
/// <param name="ClosestKind">"median", "usual-price" or "recent".</param>
public sealed record HistorySummary(
    bool AtSupplier, int Count, int WindowDays, double MedianLog, double Sigma, double ClosestLog, string ClosestKind, int ClosestSupport);

/// <summary>
/// Everything the scorer knows about one line before thresholds are applied; calibration re-thresholds it
/// without re-reading history.
/// </summary>
/// <param name="LineLog">ln(unit price per base unit) of the line.</param>
/// <param name="ExpectedLog">ln(expected price per base unit), or null when nothing to compare with.</param>
/// <param name="Sigma">Spread of the reference in log space (history MAD, regression RMSE).</param>
/// <param name="History">The history window used (or shown beside a contract price); null when too sparse.</param>
/// <param name="RegressionLog">The regression estimate when it was consulted.</param>
/// <param name="SparseCount">Earlier comparable lines seen (all suppliers, long window).</param>
/// <param name="KnownPackSize">Units per pack of the item, from the line's or earlier lines' unit or the description.</param>
public sealed record PriceEvidence(
    PriceLine Line, UnitOfMeasure Uom, string Basis, double LineLog, double? ExpectedLog, double Sigma,
    HistorySummary? History, double? RegressionLog, int SparseCount, int? KnownPackSize = null)
{
    /// <summary>Signed ln(line / expected); 0 when there is no expectation.</summary>
    public double DeviationLog => ExpectedLog is { } e ? LineLog - e : 0;

    /// <summary>Expected price in the line's own unit of measure.</summary>
    public decimal? ExpectedPrice => ExpectedLog is { } e ? ToLinePrice(e) : null;

    public decimal ToLinePrice(double logPerBase) => decimal.Round((decimal)Math.Exp(logPerBase) * Uom.Factor, 4);

    /// <summary>
    /// How far past the flagging line the deviation is: 1 is exactly on it. Against history and the regression a
    /// line must clear both the minimum relative deviation and the robust z threshold.
    /// </summary>
    public double Excess(PriceVarianceParams p)
    {
        var d = Math.Abs(DeviationLog);
        return Basis switch
        {
            PriceBasis.Contract => d / Math.Log(1 + p.ContractTolerance),
            PriceBasis.None => 0,
            // Far below the usual price is mostly a markdown or a negotiated deal; only a larger drop (a decimal
            // shift, a unit price on a pack line) is worth a reviewer's time, so downward needs its own threshold.
            _ => Math.Min(d / Math.Log(1 + (DeviationLog < 0 ? p.MinDeviationDown : p.MinDeviation)), d / (p.ZThreshold * Sigma)),
        };
    }

    /// <summary>Anomaly score in [0, 1): excess / (1 + excess), so 0.5 is the operating threshold.</summary>
    public double Score(PriceVarianceParams p)
    {
        var x = Excess(p);
        return x / (1 + x);
    }

    public bool Flagged(PriceVarianceParams p) => Excess(p) >= 1;
}
