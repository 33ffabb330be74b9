using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Summaries;

/// <summary>
/// The checkable facts in a piece of text: dates (any common format, normalised to a calendar day),
/// numbers and amounts (1.234,56 = 1,234.56 = 1234.56) and capitalised words (names). Ambiguous
/// forms keep every reading: 03/04/2022 is 3 April or 4 March, 1.234 is 1234 or 1.234.
/// </summary>
public sealed partial record Facts(
    IReadOnlyList<IReadOnlySet<DateOnly>> Dates,
    IReadOnlyList<IReadOnlySet<decimal>> Numbers,
    IReadOnlyList<string> Names)
{
    // Capitalised only because they start a sentence or are generic summary words; they name nothing.
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "this", "that", "these", "those", "it", "its", "a", "an", "in", "on", "at", "for", "from", "to", "of",
        "and", "or", "but", "with", "by", "as", "is", "are", "was", "were", "be", "been", "there", "which", "who",
        "each", "all", "any", "no", "not", "if", "per", "after", "before", "under", "over", "please", "i", "we",
        "they", "he", "she", "you", "our", "their", "his", "her", "document", "page", "summary", "also", "both",
    };

    public static Facts From(string text)
    {
        var (dates, rest) = ExtractDates(text);
        var numbers = NumberToken().Matches(rest).Select(m => Readings(m.Value)).Where(r => r.Count > 0).ToList();
        var names = NameToken().Matches(rest)
            .Where(m => !IsOrdinarySentenceStart(rest, m))
            .Select(m => m.Value.TrimEnd('-', '\'', '’'))
            .Where(n => n.Length > 0 && !NotNames.Contains(n))
            .ToList();
        return new Facts(dates, numbers, names);
    }

    /// <summary>
    /// "Payment is due …": a title-case word opening a sentence is capitalised by grammar, not because it
    /// is a name. An all-caps or camel-case opener ("NETPRESSE", "eBay") still counts.
    /// </summary>
    private static bool IsOrdinarySentenceStart(string text, Match word)
    {
        var before = text[..word.Index].TrimEnd();
        var opensSentence = before.Length == 0 || before[^1] is '.' or '!' or '?' or ':' or '"' or '(' or '-' or '•';
        return opensSentence && word.Value.Skip(1).All(c => !char.IsUpper(c));
    }

    /// <summary>Every date in the text (all readings) and the text with the dates blanked out, so their digits are not numbers too.</summary>
    internal static (List<IReadOnlySet<DateOnly>> Dates, string Remainder) ExtractDates(string text)
    {
        var dates = new List<IReadOnlySet<DateOnly>>();
        var rest = text;
        foreach (var pattern in new[] { IsoDate(), TextDayMonth(), TextMonthDay(), NumericDate() })
            rest = pattern.Replace(rest, m =>
            {
                var readings = DateReadings(m);
                if (readings.Count == 0) return m.Value;
                dates.Add(readings);
                return new string(' ', m.Length);
            });
        return (dates, rest);
    }

    private static HashSet<DateOnly> DateReadings(Match m)
    {
        var set = new HashSet<DateOnly>();
        var g = m.Groups;
        var year = g["y"].Success ? Year(g["y"].Value) : 0;
        if (g["mon"].Success) Add(set, year, Month(g["mon"].Value), int.Parse(g["d"].Value, CultureInfo.InvariantCulture));
        else if (g["iso"].Success) Add(set, year, int.Parse(g["m"].Value, CultureInfo.InvariantCulture), int.Parse(g["d"].Value, CultureInfo.InvariantCulture));
        else
        {
            var a = int.Parse(g["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(g["b"].Value, CultureInfo.InvariantCulture);
            Add(set, year, b, a); // day first (Europe)
            Add(set, year, a, b); // month first (US)
        }
        return set;
    }

    private static void Add(HashSet<DateOnly> set, int year, int month, int day)
    {
        if (year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            set.Add(new DateOnly(year, month, day));
    }

    private static int Year(string y) => y.Length == 2 ? 2000 + int.Parse(y, CultureInfo.InvariantCulture) : int.Parse(y, CultureInfo.InvariantCulture);

    private static int Month(string name) => Fold(name.ToLowerInvariant().TrimEnd('.'))[..3] switch
    {
        "jan" or "jän" or "jaen" => 1, "feb" => 2, "mar" or "mär" or "mae" => 3, "apr" => 4, "may" or "mai" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" or "okt" => 10, "nov" => 11, "dec" or "dez" => 12, _ => 0,
    };

    /// <summary>Every value a number token can mean. Grouping and decimal separators differ by country.</summary>
    internal static HashSet<decimal> Readings(string token)
    {
        var readings = new HashSet<decimal>();
        var s = token.Replace("'", "").Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "");
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0)
        {
            var decimalSeparator = lastDot > lastComma ? '.' : ',';
            Parse(readings, s.Replace(decimalSeparator == '.' ? "," : ".", "").Replace(',', '.'));
            return readings;
        }
        var separator = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '\0';
        if (separator == '\0') { Parse(readings, s); return readings; }
        var occurrences = s.Count(c => c == separator);
        var digitsAfter = s.Length - s.LastIndexOf(separator) - 1;
        if (occurrences > 1 || digitsAfter == 3) Parse(readings, s.Replace(separator.ToString(), ""));
        if (occurrences == 1) Parse(readings, s.Replace(separator, '.'));
        return readings;
    }

    private static void Parse(HashSet<decimal> into, string invariant)
    {
        if (decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) into.Add(value);
    }

    /// <summary>Lower case without diacritics: "Universität" and "Universitat" are the same name.</summary>
    internal static string Fold(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var ch in word.ToLowerInvariant().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(ch == 'ß' ? 's' : ch);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private const string MonthNames =
        @"(?<mon>jan(?:uary|uar)?|jän(?:ner)?|feb(?:ruary|ruar)?|mar(?:ch)?|mär(?:z)?|maerz|apr(?:il)?|may|mai|jun(?:e|i)?|jul(?:y|i)?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)\.?";

    [GeneratedRegex(@"(?<![\d.])(?<iso>(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2}))(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\.?\s+" + MonthNames + @",?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex TextDayMonth();

    [GeneratedRegex(@"\b" + MonthNames + @"\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex TextMonthDay();

    [GeneratedRegex(@"(?<![\d.,])(?<a>\d{1,2})([./-])(?<b>\d{1,2})\1(?<y>\d{4}|\d{2})(?![\d,]|\.\d)")]
    private static partial Regex NumericDate();

    // Space-grouped thousands first ("1 234,56"), then any digits with separators, then a lone digit.
    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,]\d{1,2})?(?![\d])|\d[\d.,']*\d|\d")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’\-]*")]
    private static partial Regex NameToken();
}
