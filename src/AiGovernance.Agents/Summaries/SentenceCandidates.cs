using System.Text.RegularExpressions;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Summaries;

/// <summary>A sentence of the document that may be quoted in a summary, with its page and position.</summary>
public sealed record CandidateSentence(string Text, int Page, int Order);

/// <summary>
/// Splits the readable text of each page into sentences a reviewer would want quoted: continuation
/// lines and hyphenation are joined, then fragments, number tables, letterhead/bank/registry
/// boilerplate and anything that addresses an AI are dropped.
/// </summary>
public static partial class SentenceCandidates
{
    public const int MinWords = 4;
    public const int MinCharacters = 20;
    public const int MaxCharacters = 400;
    /// <summary>Below this share of letters a line is a table row or a code, not a sentence.</summary>
    public const double MinLetterShare = 0.5;
    /// <summary>A candidate sharing this many consecutive words with a reported injection is part of it.</summary>
    private const int InjectionOverlapWords = 3;

    public static IReadOnlyList<CandidateSentence> From(ReadDocument doc, IReadOnlyList<InjectionFinding> injections)
    {
        var injectionShingles = injections
            .SelectMany(i => Shingles(InjectionScanner.Normalise(i.Excerpt)))
            .ToHashSet();
        var seen = new HashSet<string>();
        var result = new List<CandidateSentence>();
        foreach (var page in doc.Pages)
            foreach (var sentence in Paragraphs(VisibleText.Lines(page)).SelectMany(SplitSentences))
            {
                var text = Whitespace().Replace(sentence, " ").Trim();
                var normalised = InjectionScanner.Normalise(text);
                if (!IsInformative(text) || Boilerplate().IsMatch(text) || !seen.Add(normalised)) continue;
                if (InjectionPatterns.Matches(normalised) || Shingles(normalised).Any(injectionShingles.Contains)) continue;
                result.Add(new CandidateSentence(text, page.Number, result.Count));
            }
        return result;
    }

    private static bool IsInformative(string text)
    {
        if (text.Length < MinCharacters || text.Length > MaxCharacters) return false;
        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit)) < MinWords) return false;
        if (FieldLine().Match(text) is { Success: true } field && LetterShare(field.Groups["value"].Value) < MinLetterShare) return false;
        return LetterShare(text) >= MinLetterShare;
    }

    private static double LetterShare(string text)
    {
        var visible = text.Count(c => !char.IsWhiteSpace(c));
        return visible == 0 ? 0 : (double)text.Count(char.IsLetter) / visible;
    }

    /// <summary>A line that does not end a sentence, followed by one starting in lower case, is one sentence.</summary>
    private static IEnumerable<string> Paragraphs(IReadOnlyList<string> lines)
    {
        var current = "";
        foreach (var line in lines)
        {
            var continues = current.Length > 0 && !EndsClause().IsMatch(current) && char.IsLower(line.FirstOrDefault(char.IsLetter));
            if (continues)
                current = current.EndsWith('-') ? current[..^1] + line : current + " " + line;
            else
            {
                if (current.Length > 0) yield return current;
                current = line;
            }
        }
        if (current.Length > 0) yield return current;
    }

    private static IEnumerable<string> SplitSentences(string paragraph) => SentenceEnd().Split(paragraph);

    private static IEnumerable<string> Shingles(string normalised)
    {
        var words = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + InjectionOverlapWords <= words.Length; i++)
            yield return string.Join(' ', words, i, InjectionOverlapWords);
    }

    // "Invoice date: 14.03.2024", "Total: 1.487,50 €": a labelled value the field sentence already states.
    [GeneratedRegex(@"^[^:]{1,60}:\s*(?<value>\S+(?:\s+\S+){0,2})$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"[.!?:;]$")]
    private static partial Regex EndsClause();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\p{N}""„(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Letterhead, footer, bank and registry lines: on every invoice, never what a reviewer needs.
    [GeneratedRegex(
        @"^(?:page|seite)\s+\d+|\b(?:iban|bic|swift|blz|bank\s*code|sort\s*code|account\s*(?:no|number)|kontonummer|bankverbindung)\b" +
        @"|\b(?:tel|phone|telefon|fax|e-?mail)\b\s*[:.]|\bwww\.|https?://|@[\w-]+\." +
        @"|\b(?:amtsgericht|registergericht|hrb|hra|geschäftsführer|geschäftsführung|managing\s+directors?|ust-?id(?:nr)?|steuernummer|tax\s+id|vat\s+(?:reg|id|no)|company\s+registration|registered\s+(?:office|in)|sitz\s+der\s+gesellschaft)\b" +
        @"|\b\d{4,5}\s+\p{Lu}[\p{L}-]+\s*$" + // postcode and town closing an address line
        @"|thank\s+you\s+for\s+your\s+(?:business|order|purchase)|vielen\s+dank\s+für\s+ihre?n?\s+(?:bestellung|auftrag|einkauf)|©|copyright|all\s+rights\s+reserved",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();
}
