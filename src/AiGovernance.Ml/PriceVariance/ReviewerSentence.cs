using System.Globalization;

namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// One sentence a reviewer can act on: the price, what it was compared with and how far off it is, and, when
/// the ratio matches a known data-entry slip (decimal shift, pack price as unit price, line total as unit price), which.
/// </summary>
public static class ReviewerSentence
{
    public static string Write(PriceEvidence e, PriceVarianceParams p)
    {
        var line = e.Line;
        var (reference, excess) = e.Explain(p);
        var flagged = excess >= 1;
        var subject = $"unit price {Money(line.UnitPrice)}{(e.Uom.IsPack ? $" per {line.Uom!.Trim()}" : "")}";
        var item = ItemLabel(line);
        if (e.Basis == PriceBasis.None)
            return line.UnitPrice <= 0
                ? $"unit price {Money(line.UnitPrice)} for {item} is not a positive price; not scored"
                : $"{subject}: no earlier purchases of {item} and no model estimate; not scored";

        var ratio = Math.Exp(e.LineLog - reference.Log);
        var expected = Money(e.ToLinePrice(reference.Log));
        var phrase = e.Basis switch
        {
            PriceBasis.Contract => $"the contract price {expected} for {item}",
            PriceBasis.Regression =>
                $"the model estimate {expected} for {item} ({(e.SparseCount == 0 ? "no earlier purchases" : Purchases(e.SparseCount) + " earlier, too few for a median")}; estimated from category, supplier, quantity and date)",
            _ => HistoryReference(e.History!, reference.Kind, expected, item, e),
        };
        var sentence = $"{subject} is {Comparison(ratio)} {phrase}";
        if (flagged && Slip(e, Math.Exp(e.LineLog - e.CentralLog!.Value)) is { } slip) sentence += $"; {slip}";
        if (e.Basis == PriceBasis.Contract && e.History is { } h)
            sentence += $"; {h.WindowDays}-day median {(h.AtSupplier ? "at this supplier" : "across suppliers")} {Money(e.ToLinePrice(h.MedianLog))}";
        return sentence;
    }

    private static string HistoryReference(HistorySummary h, string kind, string expected, string item, PriceEvidence e)
    {
        var where = h.AtSupplier ? "at this supplier" : "across all suppliers";
        var median = Money(e.ToLinePrice(h.MedianLog));
        return kind switch
        {
            "usual-price" => $"a usual price {expected} for {item} (seen {h.LevelSupport} times in {h.LevelOf} purchases at all suppliers; {h.WindowDays}-day median {where} {median})",
            "supplier-sparse" => $"the median {expected} of this supplier's {Purchases(h.SupplierSparseCount)} of {item} ({h.WindowDays}-day median across all suppliers {median})",
            "price-list" => $"the other catalogue price list's price for {item} (paired with {Money(e.ToLinePrice(h.PriceListPairLog ?? h.MedianLog))} paid earlier; {h.WindowDays}-day median {where} {median})",
            "recent" => $"the median of the last {h.RecentCount} purchases {expected} for {item} {where} ({h.WindowDays}-day median {median})",
            _ => $"the {h.WindowDays}-day median {expected} for {item} {where} ({Purchases(h.Count)} in {h.WindowDays} days)",
        };
    }

    /// <summary>"3.9×", "10.0× below", "24% above", "within 3% of".</summary>
    public static string Comparison(double ratio)
    {
        if (ratio >= 1.5) return string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0}×");
        if (ratio <= 1 / 1.5) return string.Create(CultureInfo.InvariantCulture, $"{1 / ratio:0.0}× below");
        var pct = (ratio - 1) * 100;
        if (Math.Abs(pct) < 5) return string.Create(CultureInfo.InvariantCulture, $"within {Math.Max(Math.Abs(pct), 0.5):0}% of");
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(pct):0}% {(pct > 0 ? "above" : "below")}");
    }

    /// <summary>A data-entry slip whose ratio matches the deviation within 8 %, or null.</summary>
    public static string? Slip(PriceEvidence e, double ratio, bool includeLineTotal = true)
    {
        static bool Near(double r, double target) => target > 0 && Math.Abs(Math.Log(r / target)) < Math.Log(1.08);
        if (e.KnownPackSize is > 1 and var n)
        {
            if (Near(ratio, n)) return $"looks like a pack price (pack of {n}) entered as a unit price";
            if (Near(ratio, 1.0 / n)) return $"looks like a unit price entered as a pack price (pack of {n})";
        }
        foreach (var power in new[] { 10.0, 100.0, 1000.0 })
            if (Near(ratio, power) || Near(ratio, 1 / power)) return "looks like a decimal shift";
        if (includeLineTotal && e.Line.Quantity >= 3 && Near(ratio, (double)e.Line.Quantity)) return "looks like the line total entered as the unit price";
        return null;
    }

    public static string Money(decimal value) =>
        value.ToString(Math.Abs(value) >= 1 ? "0.00" : "0.00##", CultureInfo.InvariantCulture);

    private static string Purchases(int n) => n == 1 ? "1 purchase" : $"{n} purchases";

    private static string ItemLabel(PriceLine line)
    {
        var description = line.Description?.Trim();
        if (string.IsNullOrEmpty(description) || description.Equals(line.Item, StringComparison.OrdinalIgnoreCase)) return $"item {line.Item}";
        return $"item {line.Item} ({(description.Length > 40 ? description[..40].TrimEnd() + "…" : description)})";
    }
}
