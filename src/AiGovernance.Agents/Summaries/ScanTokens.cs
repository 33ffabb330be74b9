using System.Text;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Summaries;

/// <summary>A word as the injection scanner sees it: normalised, with where it is and how it is drawn.</summary>
internal sealed record ScanToken(string Norm, string Original, int Page, bool Hidden, bool Tiny)
{
    /// <summary>Differs from <see cref="Page"/> only for a word hyphenated across a page break.</summary>
    public int LastPage { get; init; } = Page;
}

/// <summary>Turns pages into one word stream the injection patterns can run over.</summary>
internal static class ScanTokens
{
    public static List<ScanToken> From(ReadDocument doc)
    {
        var tokens = new List<ScanToken>();
        foreach (var page in doc.Pages)
            foreach (var line in page.Lines)
            {
                var lineTokens = line.Words.Count > 0
                    ? line.Words.Select(w => Make(w.Text, page.Number, w.Hidden, VisibleText.IsTiny(w)))
                    : FromText(line.Text, page.Number);
                AppendLine(tokens, lineTokens.Where(t => t.Norm.Length > 0).ToList());
            }
        return tokens;
    }

    public static List<ScanToken> FromText(string text, int page)
    {
        var tokens = new List<ScanToken>();
        foreach (var line in text.Split('\n'))
            AppendLine(tokens, line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => Make(w, page, false, false)).Where(t => t.Norm.Length > 0).ToList());
        return tokens;
    }

    /// <summary>
    /// Appends a line; when the previous line (possibly on the previous page) ended in a hyphenated word
    /// fragment and this one starts in lower case, the two halves become one word again.
    /// </summary>
    private static void AppendLine(List<ScanToken> tokens, List<ScanToken> line)
    {
        if (line.Count == 0) return;
        var start = 0;
        if (tokens.Count > 0 && tokens[^1].Original.EndsWith('-') && char.IsLower(line[0].Original.FirstOrDefault(char.IsLetter)))
        {
            var head = tokens[^1];
            var tail = line[0];
            tokens[^1] = new ScanToken(
                head.Norm + tail.Norm, head.Original.TrimEnd('-') + tail.Original,
                head.Page, head.Hidden || tail.Hidden, head.Tiny || tail.Tiny) { LastPage = tail.LastPage };
            start = 1;
        }
        tokens.AddRange(line.Skip(start));
    }

    private static ScanToken Make(string word, int page, bool hidden, bool tiny) => new(Norm(word), word, page, hidden, tiny);

    private static string Norm(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var ch in word.Normalize(NormalizationForm.FormC))
        {
            // Soft hyphens and zero-width characters are invisible and are used to break up trigger phrases.
            if (ch is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF') continue;
            sb.Append(char.ToLowerInvariant(ch is '\u2019' or '\u2018' ? '\'' : ch));
        }
        var s = sb.ToString();
        var first = 0;
        var last = s.Length - 1;
        while (first <= last && !char.IsLetterOrDigit(s[first])) first++;
        while (last >= first && !char.IsLetterOrDigit(s[last])) last--;
        return first > last ? "" : s[first..(last + 1)];
    }
}
