using System.Globalization;
using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>A date found in text. <see cref="Ambiguous"/>: day and month could be swapped and context decided.</summary>
public sealed record ParsedDate(DateOnly Date, int Index, int Length, bool Ambiguous)
{
    public string Iso => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Finds dates in the formats invoices use: ISO, dd.MM.yyyy, dd/MM/yyyy or MM/dd/yyyy, d-M-yyyy,
/// "March 20, 2023", "20 Mar 2023", "4. Juli 2023", "02 Juillet 2015".
/// </summary>
public static partial class DateParser
{
    [GeneratedRegex(@"(?<![\d.])(?<y>(?:19|20)\d{2})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![\d./-])(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\d]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    private static readonly Regex DayMonthYear = new(
        @"(?<![\w.])(?<d>\d{1,2})(?:st|nd|rd|th|er)?\.?\s*(?:de\s+)?(?<mon>" + MonthNames.Alternation + @")\.?,?\s+(?<y>(?:19|20)\d{2})(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex MonthDayYear = new(
        @"(?<![\p{L}])(?<mon>" + MonthNames.Alternation + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?<y>(?:19|20)\d{2})(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>All dates in the text, in order of appearance, overlapping matches resolved to the first, longest.</summary>
    /// <param name="dayFirst">How to read 03/04/2023: true = 3 April (Europe), false = March 4 (US).</param>
    public static IReadOnlyList<ParsedDate> FindAll(string text, bool dayFirst = true)
    {
        var found = new List<ParsedDate>();
        foreach (Match m in Iso().Matches(text))
            Add(found, m, Int(m, "y"), Int(m, "m"), Int(m, "d"), false);
        foreach (Match m in Numeric().Matches(text))
        {
            int a = Int(m, "a"), b = Int(m, "b"), y = Int(m, "y");
            if (y < 100) y += 2000;
            var (day, month, ambiguous) = a > 12 ? (a, b, false) : b > 12 ? (b, a, false) : dayFirst ? (a, b, a != b) : (b, a, a != b);
            Add(found, m, y, month, day, ambiguous);
        }
        foreach (Match m in DayMonthYear.Matches(text))
            Add(found, m, Int(m, "y"), MonthNames.ByName[m.Groups["mon"].Value], Int(m, "d"), false);
        foreach (Match m in MonthDayYear.Matches(text))
            Add(found, m, Int(m, "y"), MonthNames.ByName[m.Groups["mon"].Value], Int(m, "d"), false);

        found.Sort((x, y) => x.Index != y.Index ? x.Index.CompareTo(y.Index) : y.Length.CompareTo(x.Length));
        var result = new List<ParsedDate>();
        foreach (var d in found)
            if (result.Count == 0 || d.Index >= result[^1].Index + result[^1].Length) result.Add(d);
        return result;
    }

    public static ParsedDate? First(string text, bool dayFirst = true) => FindAll(text, dayFirst).FirstOrDefault();

    /// <summary>Which order unambiguous numeric dates in the text use: true day-first, false month-first, null no evidence.</summary>
    public static bool? ObservedDayFirst(string text)
    {
        int dayFirst = 0, monthFirst = 0;
        foreach (Match m in Numeric().Matches(text))
        {
            int a = Int(m, "a"), b = Int(m, "b");
            if (a > 12 && b <= 12) dayFirst++;
            else if (b > 12 && a <= 12) monthFirst++;
        }
        return dayFirst == monthFirst ? null : dayFirst > monthFirst;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static void Add(List<ParsedDate> found, Match m, int year, int month, int day, bool ambiguous)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return;
        found.Add(new ParsedDate(new DateOnly(year, month, day), m.Index, m.Length, ambiguous));
    }
}
