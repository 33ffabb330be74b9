using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>
/// The document's language from common function words; used only to read ambiguous dates
/// (03/04/2023) when the document itself gives no unambiguous example.
/// </summary>
public static partial class LanguageGuess
{
    private static readonly Dictionary<string, string[]> Markers = new()
    {
        ["en"] = ["the", "and", "of", "to", "for", "invoice", "total", "amount", "date", "please"],
        ["de"] = ["der", "die", "das", "und", "für", "mit", "rechnung", "betrag", "datum", "ihre", "wir", "bitte"],
        ["fr"] = ["le", "la", "les", "et", "des", "du", "facture", "montant", "pour", "vous"],
        ["nl"] = ["het", "een", "en", "van", "factuur", "bedrag", "voor", "uw", "wij"],
    };

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    public static string Detect(string text)
    {
        var counts = Markers.Keys.ToDictionary(k => k, _ => 0);
        var lookup = Markers.SelectMany(kv => kv.Value.Select(w => (w, kv.Key))).ToLookup(p => p.w, p => p.Key);
        foreach (Match m in Word().Matches(text))
            foreach (var lang in lookup[m.Value.ToLowerInvariant()])
                counts[lang]++;
        return counts.MaxBy(kv => kv.Value).Key;
    }
}
