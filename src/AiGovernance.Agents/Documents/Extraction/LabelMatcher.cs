using System.Text;
using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>A label found on a line: where it is (character offsets and horizontal extent) and what it announces.</summary>
public sealed record LabelHit(Label Label, TextLine Line, int Start, int End, double Left, double Right)
{
    public LabelKind Kind => Label.Kind;
}

/// <summary>
/// Finds every dictionary label on a line with one combined regex (longest spelling first), keeping only
/// labels that start a cell: a label word in the middle of a sentence ("talk to us") is not a label.
/// </summary>
public static class LabelMatcher
{
    private static readonly string CurrencySuffix = string.Join('|', CurrencyCodes.Iso.Append("EURO"));

    // Sorted longest first so that at one position the most specific label wins.
    private static readonly Label[] Ordered = [.. LabelDictionary.All.OrderByDescending(l => l.Text.Length)];

    private static readonly Regex Combined = new(
        @"(?<![\p{L}\p{N}])(?:" + string.Join('|', Ordered.Select((l, i) => $"(?<L{i}>{ToPattern(l.Text)})")) + @")(?![\p{L}])" +
        @"(?:\s*\((?:in\s+)?(?:" + CurrencySuffix + @")\)|\s+in\s+(?:" + CurrencySuffix + @")\b)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture);

    private static readonly Regex AllowedPrefix = new(@"^\s*(?:[\d.,]+\s?%\s*)?$|[|•·–]\s*$", RegexOptions.Compiled);

    private static readonly int[] GroupNumbers = [.. Enumerable.Range(0, Ordered.Length).Select(i => Combined.GroupNumberFromName($"L{i}"))];

    public static IReadOnlyList<LabelHit> Find(TextLine line)
    {
        var hits = new List<LabelHit>();
        foreach (Match m in Combined.Matches(line.Text))
        {
            var label = Identify(m);
            if (label is null) continue;
            var cell = line.CellAt(m.Index);
            var prefix = cell is null ? "" : line.Text[cell.Start..m.Index];
            if (!AllowedPrefix.IsMatch(prefix)) continue;
            var (left, right) = line.Extent(m.Index, m.Index + m.Length);
            hits.Add(new LabelHit(label, line, m.Index, m.Index + m.Length, left, right));
        }
        return hits;
    }

    private static Label? Identify(Match m)
    {
        for (var i = 0; i < GroupNumbers.Length; i++)
            if (m.Groups[GroupNumbers[i]].Success) return Ordered[i];
        return null;
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
