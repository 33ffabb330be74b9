using System.Text;

namespace AiGovernance.Ml.Duplicates;

/// <summary>String similarities used as pair features. All return 0..1 (1 = identical).</summary>
public static class TextSimilarity
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
        { "A", "AN", "THE", "AND", "OF", "FOR", "TO", "IN", "ON", "WITH", "BY", "AT", "OR" };

    /// <summary>Upper-case alphanumeric tokens without stop words (description comparison).</summary>
    public static HashSet<string> Tokens(string? text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text)) return set;
        var sb = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToUpperInvariant(c)); continue; }
            if (sb.Length > 0)
            {
                var t = sb.ToString();
                if (!StopWords.Contains(t)) set.Add(t);
                sb.Clear();
            }
        }
        return set;
    }

    /// <summary>
    /// Part and model numbers: whitespace-separated words that mix letters and digits (or are 5+ digits),
    /// with hyphens, slashes and dots removed so "PS-LX350H" and "PSLX350H" agree. Sizes like "15MM" are
    /// kept too; they are weaker evidence but still evidence.
    /// </summary>
    public static HashSet<string> Codes(string? text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text)) return set;
        foreach (var word in text.Split([' ', '\t', ',', ';', '(', ')', '[', ']', '"', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            var code = new string(word.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
            var digits = code.Count(char.IsAsciiDigit);
            if (code.Length >= 4 && digits > 0 && (digits < code.Length || digits >= 5)) set.Add(code);
        }
        return set;
    }

    /// <summary>Jaccard index of two token sets; 0 when both are empty (nothing to compare is not evidence).</summary>
    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>
    /// Token similarity tolerant to rewording: the Dice coefficient over character trigrams of the
    /// sorted token string, so "Temp staffing" still resembles "Temporary Bureau Staffing".
    /// </summary>
    public static double TrigramDice(string? a, string? b)
    {
        var ga = Trigrams(a);
        var gb = Trigrams(b);
        if (ga.Count == 0 || gb.Count == 0) return 0;
        var shared = 0;
        foreach (var (g, n) in ga)
            if (gb.TryGetValue(g, out var m)) shared += Math.Min(n, m);
        return 2.0 * shared / (ga.Values.Sum() + gb.Values.Sum());
    }

    private static Dictionary<string, int> Trigrams(string? text)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = Tokens(text);
        if (tokens.Count == 0) return map;
        var s = " " + string.Join(' ', tokens.Order(StringComparer.Ordinal)) + " ";
        for (var i = 0; i + 3 <= s.Length; i++)
        {
            var g = s.Substring(i, 3);
            map[g] = map.GetValueOrDefault(g) + 1;
        }
        return map;
    }

    /// <summary>1 − Levenshtein distance / longer length; 0 when either is empty.</summary>
    public static double LevenshteinSimilarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        if (a == b) return 1;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return 1.0 - (double)prev[b.Length] / Math.Max(a.Length, b.Length);
    }

    /// <summary>Jaro-Winkler similarity: rewards shared prefixes, which suits names and typos.</summary>
    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        if (a == b) return 1;
        var range = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var aMatch = new bool[a.Length];
        var bMatch = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
            for (int j = Math.Max(0, i - range), end = Math.Min(b.Length, i + range + 1); j < end; j++)
            {
                if (bMatch[j] || a[i] != b[j]) continue;
                aMatch[i] = bMatch[j] = true;
                matches++;
                break;
            }
        if (matches == 0) return 0;
        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aMatch[i]) continue;
            while (!bMatch[k]) k++;
            if (a[i] != b[k]) transpositions++;
            k++;
        }
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix]) prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
