using System.Globalization;

namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// Catalogue price-list pairs learned from the training lines: two exact prices (per base unit) that the same
/// items are repeatedly sold at, on many items. A retailer with a second price list (UCI: customers without an
/// account pay ≈1.7–2× — 2.46 ↔ 4.13, 1.25 ↔ 2.46, 4.95 ↔ 8.29) maps each list price to a fixed other price, so a
/// line at the paired price of a price seen in the item's history is on the other list, not an overcharge.
/// An overcharge lands on an exact catalogue pair only by chance (its factor is not a catalogue mapping).
/// </summary>
public static class PriceListPairs
{
    /// <summary>A price must occur at least this often on an item to count as one of its list prices.</summary>
    public const int MinOccurrences = 2;
    /// <summary>A pair must link this many distinct items to be a catalogue mapping rather than one item's history.</summary>
    public const int MinItems = 3;
    public const double MinRatio = 1.1;
    public const double MaxRatio = 4.0;

    /// <summary>The pairs ("low|high", prices per base unit with at most 4 decimals) linking at least <see cref="MinItems"/> items.</summary>
    public static IReadOnlyList<string> Learn(IEnumerable<PriceLine> lines)
    {
        var itemsByPair = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var item in lines.Where(l => l.UnitPrice > 0).GroupBy(l => l.Item, StringComparer.Ordinal))
        {
            var prices = item.Select(l => UnitNormalizer.Parse(l.Uom) is var u ? (u.Dimension, Price: Key(l.UnitPrice, u)) : default)
                .GroupBy(x => x).Where(g => g.Count() >= MinOccurrences).Select(g => g.Key).ToList();
            foreach (var a in prices)
                foreach (var b in prices)
                {
                    if (a.Dimension != b.Dimension || a.Price >= b.Price || a.Price <= 0) continue;
                    var ratio = (double)(b.Price / a.Price);
                    if (ratio < MinRatio || ratio > MaxRatio) continue;
                    var pair = Pair(a.Price, b.Price);
                    if (!itemsByPair.TryGetValue(pair, out var items)) itemsByPair[pair] = items = new HashSet<string>(StringComparer.Ordinal);
                    items.Add(item.Key);
                }
        }
        return itemsByPair.Where(kv => kv.Value.Count >= MinItems).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Price per base unit rounded to 4 decimals (the precision of the data sets).</summary>
    public static decimal Key(decimal unitPrice, UnitOfMeasure uom) => decimal.Round(UnitNormalizer.PerBaseUnit(unitPrice, uom), 4);

    /// <exception cref="InvalidDataException">A pair is not "low|high".</exception>
    public static HashSet<(decimal Low, decimal High)> Parse(IEnumerable<string> pairs)
    {
        var set = new HashSet<(decimal, decimal)>();
        foreach (var pair in pairs)
        {
            var parts = pair.Split('|');
            if (parts.Length != 2
                || !decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var low)
                || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var high))
                throw new InvalidDataException($"price-list pair '{pair}' is not 'low|high'");
            set.Add((low, high));
        }
        return set;
    }

    public static string Pair(decimal low, decimal high) =>
        string.Create(CultureInfo.InvariantCulture, $"{low.ToString("0.####", CultureInfo.InvariantCulture)}|{high.ToString("0.####", CultureInfo.InvariantCulture)}");
}
