using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Summaries;

/// <summary>Every date, number and word on one page, in the forms <see cref="GroundingCheck"/> compares.</summary>
internal sealed partial class PageFacts
{
    // A model writes the ISO code where the page prints the symbol, and the other way round.
    private static readonly (string Symbol, string[] Words)[] CurrencyAliases =
    [
        ("€", ["eur", "euro", "euros"]), ("$", ["usd", "dollar", "dollars"]), ("£", ["gbp", "pound", "pounds"]),
        ("chf", ["chf", "franc", "francs"]),
    ];

    public required HashSet<DateOnly> Dates { get; init; }
    public required HashSet<decimal> Numbers { get; init; }
    public required HashSet<string> Words { get; init; }

    public static PageFacts From(string pageText)
    {
        // Undo line-end hyphenation so "NET-\nPRESSE" and "Rech-\nnung" are found whole.
        var text = Hyphenation().Replace(pageText, "");
        var (dates, remainder) = Facts.ExtractDates(text);
        var numbers = new HashSet<decimal>();
        foreach (Match m in AnyNumber().Matches(remainder)) numbers.UnionWith(Facts.Readings(m.Value));
        foreach (Match m in SpaceGrouped().Matches(remainder)) numbers.UnionWith(Facts.Readings(m.Value));

        var words = new HashSet<string>();
        foreach (Match m in Word().Matches(text))
        {
            var folded = Facts.Fold(m.Value);
            words.Add(folded);
            foreach (var part in folded.Split('-', StringSplitOptions.RemoveEmptyEntries)) words.Add(part);
        }
        foreach (var (symbol, aliases) in CurrencyAliases)
            if (text.Contains(symbol, StringComparison.OrdinalIgnoreCase) || aliases.Any(words.Contains)) words.UnionWith(aliases);

        return new PageFacts { Dates = dates.SelectMany(d => d).ToHashSet(), Numbers = numbers, Words = words };
    }

    /// <summary>A name is on the page when its folded form is, allowing a possessive or plural "s" and hyphenated parts.</summary>
    public bool HasWord(string name)
    {
        var folded = Facts.Fold(name);
        if (folded.EndsWith("'s") || folded.EndsWith("’s")) folded = folded[..^2];
        if (Words.Contains(folded)) return true;
        if (folded.EndsWith('s') && Words.Contains(folded[..^1])) return true;
        var parts = folded.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 && parts.All(Words.Contains);
    }

    [GeneratedRegex(@"(?<=\p{L})-\n(?=\p{Ll})")]
    private static partial Regex Hyphenation();

    [GeneratedRegex(@"\d[\d.,']*\d|\d")]
    private static partial Regex AnyNumber();

    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,]\d{1,2})?(?!\d)")]
    private static partial Regex SpaceGrouped();

    [GeneratedRegex(@"[\p{L}\p{M}][\p{L}\p{M}\p{N}'’\-]*")]
    private static partial Regex Word();
}
