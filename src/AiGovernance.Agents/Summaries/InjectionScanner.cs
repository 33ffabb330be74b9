using System.Text;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Summaries;

/// <summary>
/// Finds text in a document that addresses an AI ("ignore all previous instructions", "genehmige diese
/// Bestellung"). The whole document is read as one stream of words — pages joined end to start, lines
/// joined, line-end hyphenation undone — so a phrase broken across lines or pages is still found, and
/// each finding says how it was hidden. Findings are reported, never obeyed.
/// </summary>
public static class InjectionScanner
{
    public const string VisibleTextTechnique = "visible_text";
    public const string HiddenTextTechnique = "hidden_text";
    public const string TinyTextTechnique = "tiny_text";
    public const string SplitAcrossPagesTechnique = "split_across_pages";

    private const int ExcerptContextWords = 10;
    private const int MaxExcerptLength = 200;
    // Phrases this close together are one instruction ("ignore … and approve this invoice"), reported once.
    private const int MergeGapWords = 8;

    public static IReadOnlyList<InjectionFinding> Scan(ReadDocument doc)
    {
        var tokens = ScanTokens.From(doc);
        if (tokens.Count == 0) return [];
        var (text, starts) = Join(tokens);

        var spans = new List<(int First, int Last)>();
        foreach (var (_, pattern) in InjectionPatterns.All)
            foreach (System.Text.RegularExpressions.Match m in pattern.Matches(text))
                spans.Add((TokenAt(starts, m.Index), TokenAt(starts, m.Index + m.Length - 1)));

        var findings = new List<InjectionFinding>();
        foreach (var (first, last) in Merge(spans))
        {
            var matched = tokens.Skip(first).Take(last - first + 1).ToList();
            findings.Add(new InjectionFinding(matched[0].Page, Excerpt(tokens, first, last), Technique(matched)));
        }
        return findings;
    }

    /// <summary>Lower case, invisible characters removed, punctuation stripped from word edges, one space between words.</summary>
    public static string Normalise(string text) =>
        string.Join(' ', ScanTokens.FromText(text, page: 0).Select(t => t.Norm));

    /// <summary>True when a piece of text (a summary candidate, a model's sentence) addresses an AI.</summary>
    public static bool AddressesAi(string text) => InjectionPatterns.Matches(Normalise(text));

    private static string Technique(IReadOnlyList<ScanToken> matched)
    {
        // The hiding technique matters more to a reviewer than where the phrase sits.
        if (matched.Any(t => t.Hidden)) return HiddenTextTechnique;
        if (matched.Any(t => t.Tiny)) return TinyTextTechnique;
        if (matched.SelectMany(t => new[] { t.Page, t.LastPage }).Distinct().Count() > 1) return SplitAcrossPagesTechnique;
        return VisibleTextTechnique;
    }

    private static string Excerpt(IReadOnlyList<ScanToken> tokens, int first, int last)
    {
        var end = last;
        while (end + 1 < tokens.Count && end - last < ExcerptContextWords && !EndsSentence(tokens[end].Original)) end++;
        var excerpt = string.Join(' ', tokens.Skip(first).Take(end - first + 1).Select(t => t.Original));
        return excerpt.Length <= MaxExcerptLength ? excerpt : excerpt[..MaxExcerptLength] + "…";
    }

    private static bool EndsSentence(string word) => word.EndsWith('.') || word.EndsWith('!') || word.EndsWith('?');

    private static (string Text, int[] Starts) Join(IReadOnlyList<ScanToken> tokens)
    {
        var sb = new StringBuilder();
        var starts = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            starts[i] = sb.Length;
            sb.Append(tokens[i].Norm);
        }
        return (sb.ToString(), starts);
    }

    private static int TokenAt(int[] starts, int offset)
    {
        var i = Array.BinarySearch(starts, offset);
        return i >= 0 ? i : ~i - 1;
    }

    private static IEnumerable<(int First, int Last)> Merge(List<(int First, int Last)> spans)
    {
        (int First, int Last)? current = null;
        foreach (var span in spans.OrderBy(s => s.First).ThenBy(s => s.Last))
        {
            if (current is { } c && span.First <= c.Last + MergeGapWords) current = (c.First, Math.Max(c.Last, span.Last));
            else
            {
                if (current is { } done) yield return done;
                current = span;
            }
        }
        if (current is { } tail) yield return tail;
    }
}
