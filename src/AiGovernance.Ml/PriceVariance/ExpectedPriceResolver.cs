namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// Finds the expected unit price of a line, in order: the contract price; the line's supplier's recent
/// history; the item's history at all suppliers; the regression (sparse history). Pure apart from the
/// regression callback, so every rule is testable without a model.
/// </summary>
public static class ExpectedPriceResolver
{
    /// <param name="regressionLog">ln(expected price per base unit) from the regression, or null when there is no model.</param>
    public static PriceEvidence Resolve(
        PriceLine line, IReadOnlyList<PriceLine> history, PriceVarianceParams p, Func<PriceLine, UnitOfMeasure, double?>? regressionLog)
    {
        var uom = UnitNormalizer.Parse(line.Uom);
        if (line.UnitPrice <= 0) return new PriceEvidence(line, uom, PriceBasis.None, double.NaN, null, 0, null, 0);
        var lineLog = Math.Log((double)UnitNormalizer.PerBaseUnit(line.UnitPrice, uom));

        var comparable = Comparable(line, uom, history, p);
        var pack = PackSize(line, uom, history);
        var atSupplier = comparable.Where(h => SameSupplier(h.Line, line)).ToList();
        var allSorted = comparable.Select(c => c.Log).ToArray();
        Array.Sort(allSorted);
        var summary = Summarize(atSupplier, true, line, lineLog, allSorted, p) ?? Summarize(comparable, false, line, lineLog, allSorted, p);
        if (summary is not null && p.PriceListPairs.Count > 0 && PriceListPartner(line, uom, comparable, p) is { } partner)
            summary = summary with { PriceListPairLog = partner };
        if (summary is { AtSupplier: false } && atSupplier.Count > 0)
            summary = summary with { SupplierSparseLog = RobustStats.Median(atSupplier.Select(a => a.Log).ToArray()), SupplierSparseCount = atSupplier.Count };

        if (line.ContractPrice is > 0 and var contract)
        {
            var contractLog = Math.Log((double)UnitNormalizer.PerBaseUnit(contract, uom));
            return new PriceEvidence(line, uom, PriceBasis.Contract, lineLog, contractLog, Math.Log(1 + p.ContractTolerance), summary, comparable.Count, pack);
        }
        if (summary is not null)
        {
            var basis = summary.AtSupplier ? PriceBasis.SupplierHistory : PriceBasis.ItemHistory;
            return new PriceEvidence(line, uom, basis, lineLog, summary.MedianLog, summary.Sigma, summary, comparable.Count, pack);
        }
        var predicted = regressionLog?.Invoke(line, uom);
        return predicted is { } r && double.IsFinite(r)
            ? new PriceEvidence(line, uom, PriceBasis.Regression, lineLog, r, p.RegressionSigma, null, comparable.Count, pack)
            : new PriceEvidence(line, uom, PriceBasis.None, lineLog, null, 0, null, comparable.Count, pack);
    }

    /// <summary>Log price (per base unit) of an earlier line whose exact price is the line's catalogue price-list partner.</summary>
    private static double? PriceListPartner(PriceLine line, UnitOfMeasure uom, List<Priced> comparable, PriceVarianceParams p)
    {
        var key = PriceListPairs.Key(line.UnitPrice, uom);
        for (var i = comparable.Count - 1; i >= 0; i--)
        {
            var other = decimal.Round((decimal)Math.Exp(comparable[i].Log), 4);
            if (other != key && p.IsPriceListPair(key, other)) return comparable[i].Log;
        }
        return null;
    }

    /// <summary>Units per pack: the line's own pack unit, else an earlier line's, else the description's "pack of N".</summary>
    private static int? PackSize(PriceLine line, UnitOfMeasure uom, IReadOnlyList<PriceLine> history)
    {
        if (uom.IsPack) return (int)uom.Factor;
        foreach (var h in history)
            if (UnitNormalizer.Parse(h.Uom) is { IsPack: true } hu && hu.Dimension == uom.Dimension) return (int)hu.Factor;
        return UnitNormalizer.PackSizeInDescription(line.Description);
    }

    private static bool SameCurrency(PriceLine a, PriceLine b) =>
        string.IsNullOrWhiteSpace(a.Currency) || string.IsNullOrWhiteSpace(b.Currency)
        || string.Equals(a.Currency.Trim(), b.Currency.Trim(), StringComparison.OrdinalIgnoreCase);

    public static bool SameSupplier(PriceLine a, PriceLine b) =>
        string.Equals(a.Supplier.Trim(), b.Supplier.Trim(), StringComparison.OrdinalIgnoreCase);

    private readonly record struct Priced(PriceLine Line, double Log);

    /// <summary>Earlier lines in the long window with the same dimension of unit, newest last, at most MaxHistory.</summary>
    private static List<Priced> Comparable(PriceLine line, UnitOfMeasure uom, IReadOnlyList<PriceLine> history, PriceVarianceParams p)
    {
        var from = line.Date.AddDays(-p.LongWindowDays);
        var list = new List<Priced>(history.Count);
        foreach (var h in history)
        {
            if (h.Date >= line.Date || h.Date < from || h.UnitPrice <= 0) continue;
            if (!SameCurrency(h, line)) continue; // prices are not converted, so other currencies are not comparable
            var hu = UnitNormalizer.Parse(h.Uom);
            if (hu.Dimension != uom.Dimension) continue;
            list.Add(new Priced(h, Math.Log((double)UnitNormalizer.PerBaseUnit(h.UnitPrice, hu))));
        }
        list.Sort((a, b) => a.Line.Date.CompareTo(b.Line.Date));
        return list.Count > p.MaxHistory ? list.GetRange(list.Count - p.MaxHistory, p.MaxHistory) : list;
    }

    /// <param name="allSorted">Log prices of the item at every supplier (long window): usual price points come from all of them.</param>
    private static HistorySummary? Summarize(List<Priced> lines, bool atSupplier, PriceLine line, double lineLog, double[] allSorted, PriceVarianceParams p)
    {
        if (lines.Count < p.MinHistory) return null;
        var shortFrom = line.Date.AddDays(-p.ShortWindowDays);
        var recentCount = lines.Count(l => l.Line.Date >= shortFrom);
        var useShort = recentCount >= p.MinHistory;
        var window = useShort ? lines.Where(l => l.Line.Date >= shortFrom).ToList() : lines;

        var sorted = window.Select(l => l.Log).ToArray();
        Array.Sort(sorted);
        var median = RobustStats.MedianOfSorted(sorted);
        var mad = RobustStats.Mad(sorted);
        var sigma = Math.Max(p.SigmaFloor, RobustStats.MadToSigma * mad);

        // Two more references can explain a line the median does not: a usual price point (a quantity tier,
        // another supplier's or customer group's price list — taken from all suppliers) and the median of the
        // last few lines (an established price change). PriceEvidence decides which explains the line best.
        var minSupport = Math.Max(p.LevelMinSupport, (int)Math.Ceiling(p.LevelMinShare * allSorted.Length));
        var level = RobustStats.NearestSupportedLevel(allSorted, lineLog, p.LevelTolerance, minSupport);
        var levelSupport = level is { } l ? allSorted.Count(v => Math.Abs(v - l) <= p.LevelTolerance) : 0;
        double? recent = lines.Count >= p.RecentLines && p.RecentLines > 0
            ? RobustStats.Median(lines.Skip(lines.Count - p.RecentLines).Select(x => x.Log).ToArray())
            : null;
        return new HistorySummary(atSupplier, window.Count, useShort ? p.ShortWindowDays : p.LongWindowDays, median, sigma,
            level, levelSupport, allSorted.Length, recent, p.RecentLines);
    }
}
