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
/// <param name="LevelLog">The usual price point (seen often, at any supplier) nearest the line, if any.</param>
/// <param name="RecentLog">Median of the last few lines of the basis, if there are enough.</param>
/// <param name="SupplierSparseLog">When other suppliers are the basis: the median of this supplier's 1–2 earlier lines.</param>
/// <param name="PriceListPairLog">An earlier price of the item (any supplier) that the line's exact price is the catalogue price-list partner of.</param>
public sealed record HistorySummary(
    bool AtSupplier, int Count, int WindowDays, double MedianLog, double Sigma, double? LevelLog, int LevelSupport, int LevelOf,
    double? RecentLog, int RecentCount, double? SupplierSparseLog = null, int SupplierSparseCount = 0, double? PriceListPairLog = null);

/// <summary>A reference price the line is compared with, and how far off the line may be before it is flagged.</summary>
public readonly record struct PriceReference(string Kind, double Log);

/// <summary>
/// Everything the scorer knows about one line before thresholds are applied; calibration re-thresholds it
/// without re-reading history.
/// </summary>
/// <param name="LineLog">ln(unit price per base unit) of the line.</param>
/// <param name="CentralLog">ln(expected price per base unit) of the basis (contract, median, regression), or null when nothing to compare with.</param>
/// <param name="Sigma">Spread of the reference in log space (history MAD, regression RMSE).</param>
/// <param name="History">The history window used (or shown beside a contract price); null when too sparse.</param>
/// <param name="SparseCount">Earlier comparable lines seen (all suppliers, long window).</param>
/// <param name="KnownPackSize">Units per pack of the item, from the line's or earlier lines' unit or the description.</param>
public sealed record PriceEvidence(
    PriceLine Line, UnitOfMeasure Uom, string Basis, double LineLog, double? CentralLog, double Sigma,
    HistorySummary? History, int SparseCount, int? KnownPackSize = null)
{
    /// <summary>
    /// The reference that explains the line best under <paramref name="p"/> and how far past the flagging line the
    /// line is (1 = exactly on it). Against history, a line is explained by the median (within the minimum
    /// deviation and robust z), by a usual price point (within the level band: quantity tiers, another price
    /// list), or by the median of the last few lines (an established price change).
    /// </summary>
    public (PriceReference Reference, double Excess) Explain(PriceVarianceParams p)
    {
        if (CentralLog is not { } central) return (new PriceReference("none", double.NaN), 0);
        if (Basis == PriceBasis.Contract)
            return (new PriceReference("contract", central), Math.Abs(LineLog - central) / Math.Log(1 + p.ContractTolerance));
        var best = (new PriceReference(Basis == PriceBasis.Regression ? "estimate" : "median", central), CentralExcess(central, p));
        if (History?.LevelLog is { } level)
        {
            var excess = Math.Abs(LineLog - level) / Math.Log(1 + p.LevelBand);
            if (excess < best.Item2) best = (new PriceReference("usual-price", level), excess);
        }
        if (History?.RecentLog is { } recent)
        {
            var excess = CentralExcess(recent, p);
            if (excess < best.Item2) best = (new PriceReference("recent", recent), excess);
        }
        // Suppliers' prices differ; this supplier's own few lines explain a line at its usual (higher or lower) price.
        if (History?.SupplierSparseLog is { } own)
        {
            var d = LineLog - own;
            var excess = Math.Abs(d) / Math.Log(1 + (d < 0 ? Math.Max(p.MinDeviationDown, p.MinDeviation) : p.MinDeviation));
            if (excess < best.Item2) best = (new PriceReference("supplier-sparse", own), excess);
        }
        // The line's exact price is the other catalogue price list's price for a price the item was sold at.
        if (History?.PriceListPairLog is not null && p.PriceListPairs.Count > 0 && best.Item2 > 0) best = (new PriceReference("price-list", LineLog), 0);
        return best;
    }

    // Far below the usual price is mostly a markdown or a negotiated deal; only a larger drop (a decimal shift,
    // a unit price on a pack line) is worth a reviewer's time, so a drop has its own minimum deviation. Other
    // suppliers' prices (and the regression) say less about this supplier's, so they need a larger deviation too.
    private double CentralExcess(double reference, PriceVarianceParams p)
    {
        var d = LineLog - reference;
        var up = Basis == PriceBasis.SupplierHistory ? p.MinDeviation : Math.Max(p.MinDeviation, p.MinDeviationOtherSuppliers);
        var minimum = Math.Log(1 + (d < 0 ? Math.Max(p.MinDeviationDown, up) : up));
        var excess = Math.Min(Math.Abs(d) / minimum, Math.Abs(d) / (p.ZThreshold * Sigma));
        // A ratio that is exactly a data-entry slip (×/÷ 10, 100, 1000, ×/÷ the pack size) is evidence in itself, so
        // the wide thresholds for drops, other suppliers and the regression give way to the supplier threshold.
        if (p.SlipAware && ReviewerSentence.Slip(this, Math.Exp(d), includeLineTotal: false) is not null)
            excess = Math.Max(excess, Math.Abs(d) / Math.Log(1 + p.MinDeviation));
        // Other suppliers' prices alone say little about this supplier's level, but this supplier's own 1–2 earlier
        // lines do: a line above both its supplier's earlier price and the other suppliers' reference by the supplier
        // threshold is an overcharge at this supplier, not its usual (higher) level.
        if (p.SupplierLevelAware && Basis == PriceBasis.ItemHistory && d > 0 && History?.SupplierSparseLog is { } own && LineLog - own > 0)
            excess = Math.Max(excess, Math.Min(d, LineLog - own) / Math.Log(1 + p.MinDeviation));
        return excess;
    }

    public double Excess(PriceVarianceParams p) => Explain(p).Excess;

    /// <summary>Anomaly score in [0, 1): excess / (1 + excess), so 0.5 is the operating threshold.</summary>
    public double Score(PriceVarianceParams p)
    {
        var x = Excess(p);
        return x / (1 + x);
    }

    public bool Flagged(PriceVarianceParams p) => Excess(p) >= 1;

    public decimal ToLinePrice(double logPerBase) => decimal.Round((decimal)Math.Exp(logPerBase) * Uom.Factor, 4);
}
