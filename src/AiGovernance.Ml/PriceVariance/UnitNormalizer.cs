using System.Globalization;
using System.Text.RegularExpressions;

namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// A unit of measure reduced to a dimension and a count of base units (each, gram, millilitre).
/// Two lines are comparable only when their dimensions match; their prices are compared per base unit.
/// </summary>
/// <param name="Dimension">"count", "mass", "volume", or "uom:&lt;text&gt;" for a unit we cannot parse
/// (such lines compare only with lines carrying the same text).</param>
/// <param name="Factor">Base units in one unit of this measure (a "pack of 30" is 30 each; a kg is 1000 g).</param>
public readonly record struct UnitOfMeasure(string Dimension, decimal Factor)
{
    public bool IsPack => Dimension == UnitNormalizer.Count && Factor > 1;
}

/// <summary>
/// Parses the free-text units ERPs send ("EA", "pack of 30", "PK/12", "case 24", "dozen", "500 ml", "6 x 1 kg", a
/// bare "30" meaning units per pack as in the USAID SCMS data) so a pack price and a unit price of the same
/// item compare: price per base unit = unit price / factor.
/// </summary>
public static partial class UnitNormalizer
{
    public const string Count = "count";
    public const string Mass = "mass";
    public const string Volume = "volume";

    private static readonly Dictionary<string, (string Dimension, decimal Factor)> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["each"] = (Count, 1), ["ea"] = (Count, 1), ["unit"] = (Count, 1), ["units"] = (Count, 1), ["pc"] = (Count, 1),
        ["pcs"] = (Count, 1), ["piece"] = (Count, 1), ["pieces"] = (Count, 1), ["item"] = (Count, 1), ["test"] = (Count, 1),
        ["tests"] = (Count, 1), ["tablet"] = (Count, 1), ["tablets"] = (Count, 1), ["pair"] = (Count, 2), ["pr"] = (Count, 2),
        ["dozen"] = (Count, 12), ["dz"] = (Count, 12), ["doz"] = (Count, 12), ["gross"] = (Count, 144),
        ["mg"] = (Mass, 0.001m), ["g"] = (Mass, 1), ["gram"] = (Mass, 1), ["grams"] = (Mass, 1), ["kg"] = (Mass, 1000),
        ["lb"] = (Mass, 453.59237m), ["lbs"] = (Mass, 453.59237m), ["oz"] = (Mass, 28.349523125m), ["t"] = (Mass, 1_000_000),
        ["ml"] = (Volume, 1), ["cl"] = (Volume, 10), ["l"] = (Volume, 1000), ["ltr"] = (Volume, 1000), ["litre"] = (Volume, 1000),
        ["liter"] = (Volume, 1000), ["gal"] = (Volume, 3785.411784m),
    };

    // Containers whose size is a count given next to them: "pack of 30", "PK30", "box/12", "case 24", "30-pack".
    private const string Containers = "pack|pk|pkt|packet|box|bx|case|cs|carton|ctn|bag|set|kit|bottle|btl|tin|roll|tube|tray|bundle";

    [GeneratedRegex($@"^(?:{Containers})\s*(?:of|/|x|-)?\s*(\d+(?:\.\d+)?)\s*(\w*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ContainerThenSize();

    [GeneratedRegex($@"^(\d+(?:\.\d+)?)\s*(?:-|\s)?\s*(?:{Containers})$", RegexOptions.IgnoreCase)]
    private static partial Regex SizeThenContainer();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*[x*×]\s*(\d+(?:\.\d+)?)\s*([a-z]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex MultiPack();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*([a-z]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SizeThenUnit();

    [GeneratedRegex(@"\b(?:pack|set|box|bag|tin|case|tube|roll)\s+of\s+(\d{1,4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex PackInDescription();

    /// <summary>The unit of measure of a line; blank means "each".</summary>
    public static UnitOfMeasure Parse(string? uom)
    {
        var key = uom ?? "";
        if (Cache.TryGetValue(key, out var cached)) return cached;
        var parsed = ParseUncached(key);
        // History lines repeat a handful of units; the cap keeps hostile input from growing the cache without bound.
        if (Cache.Count < 10_000) Cache.TryAdd(key, parsed);
        return parsed;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, UnitOfMeasure> Cache = new(StringComparer.Ordinal);

    private static UnitOfMeasure ParseUncached(string uom)
    {
        var text = uom.Trim();
        if (text.Length == 0) return new UnitOfMeasure(Count, 1);
        if (Units.TryGetValue(text, out var known)) return new UnitOfMeasure(known.Dimension, known.Factor);

        var m = ContainerThenSize().Match(text);
        if (m.Success) return Sized(m.Groups[1].Value, m.Groups[2].Value, text);
        m = SizeThenContainer().Match(text);
        if (m.Success) return Sized(m.Groups[1].Value, "", text);
        m = MultiPack().Match(text);
        if (m.Success && Units.TryGetValue(m.Groups[3].Value, out var inner))
            return new UnitOfMeasure(inner.Dimension, Number(m.Groups[1].Value) * Number(m.Groups[2].Value) * inner.Factor);
        m = SizeThenUnit().Match(text);
        if (m.Success) return Sized(m.Groups[1].Value, m.Groups[2].Value, text);
        return Unknown(text);
    }

    /// <summary>A pack size stated in a description ("PACK OF 72 CAKE CASES"), or null.</summary>
    public static int? PackSizeInDescription(string? description)
    {
        if (string.IsNullOrEmpty(description)) return null;
        var m = PackInDescription().Match(description);
        return m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var n) && n > 1 ? n : null;
    }

    /// <summary>Price per base unit (each, gram, millilitre) of a line's unit price.</summary>
    public static decimal PerBaseUnit(decimal unitPrice, UnitOfMeasure uom) => unitPrice / uom.Factor;

    private static UnitOfMeasure Sized(string number, string unit, string text)
    {
        var size = Number(number);
        if (size <= 0) return Unknown(text);
        if (unit.Length == 0) return new UnitOfMeasure(Count, size);
        return Units.TryGetValue(unit, out var u) ? new UnitOfMeasure(u.Dimension, size * u.Factor) : Unknown(text);
    }

    private static decimal Number(string s) => decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static UnitOfMeasure Unknown(string text) => new("uom:" + text.ToLowerInvariant(), 1);
}
