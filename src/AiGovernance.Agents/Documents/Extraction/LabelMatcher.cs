using System.Text;
using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>A label found on a line: where it is (character offsets and horizontal extent) and what it announces.</summary>
public sealed record LabelHit(Label Label, TextLine Line, int Start, int End, double Left, double Right)
{
    public LabelKind Kind => Label.Kind;
}

/// <summary>
/// Finds every dictionary label on a line, keeping only labels that start a cell: a label word in the middle
/// of a sentence ("talk to us") is not a label. Labels are looked up by the letters at each word start and
/// then confirmed with their own anchored pattern, longest first, which is much cheaper than one regex with
/// hundreds of alternatives tried at every character.
/// </summary>
public static class LabelMatcher
{
    private static readonly string CurrencySuffix = string.Join('|', CurrencyCodes.Iso.Append("EURO"));

    private sealed record Compiled(Label Label, string FirstLetters, Regex Pattern);

    private static readonly Dictionary<string, Compiled[]> ByPrefix = LabelDictionary.All
        .OrderByDescending(l => l.Text.Length)
        .Select(l => new Compiled(l, FirstLetters(l.Text, 0), new Regex(
            @"\G(?:" + ToPattern(l.Text) + @")(?![\p{L}])(?:\s*\((?:in\s+)?(?:" + CurrencySuffix + @")\)|\s+in\s+(?:" + CurrencySuffix + @")\b)?",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
        .GroupBy(c => Key(c.FirstLetters))
        .ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly Regex AllowedPrefix = new(@"^\s*(?:[\d.,]+\s?%\s*)?$|[|•·–;]\s*$", RegexOptions.Compiled);

    public static IReadOnlyList<LabelHit> Find(TextLine line)
    {
        var hits = new List<LabelHit>();
        var text = line.Text;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1]))) { i++; continue; }
            var match = Longest(text, i);
            if (match is null) { i++; continue; }
            var (label, length) = match.Value;
            var cell = line.CellAt(i);
            var prefix = cell is null ? "" : text[cell.Start..i];
            if (AllowedPrefix.IsMatch(prefix))
            {
                var (left, right) = line.Extent(i, i + length);
                hits.Add(new LabelHit(label, line, i, i + length, left, right));
            }
            i += length;
        }
        return hits;
    }

    private static (Label Label, int Length)? Longest(string text, int at)
    {
        var letters = FirstLetters(text, at);
        if (letters.Length == 0 || !ByPrefix.TryGetValue(Key(letters), out var candidates)) return null;
        (Label, int)? best = null;
        foreach (var c in candidates)
        {
            if (!letters.StartsWith(c.FirstLetters, StringComparison.OrdinalIgnoreCase)) continue;
            var m = c.Pattern.Match(text, at);
            if (m.Success && (best is null || m.Length > best.Value.Item2)) best = (c.Label, m.Length);
        }
        return best;
    }

    // Labels are indexed by their first two letters; a single-letter start cannot be a label here.
    private static string Key(string letters) => letters.Length >= 2 ? letters[..2].ToLowerInvariant() : letters.ToLowerInvariant();

    private static string FirstLetters(string text, int at)
    {
        var end = at;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return text[at..end];
    }

    private static string ToPattern(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
            sb.Append(c switch
            {
                ' ' => @"[\s._\-]*",
                '.' => @"\.?",
                '-' => @"[\s\-]?",
                '\'' => "['’]",
                _ => Regex.Escape(c.ToString()),
            });
        return sb.ToString();
    }
}
