using System.Globalization;
using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>An amount found in text. <see cref="IsMoney"/>: printed with cents or a currency, not a bare count.</summary>
public sealed record ParsedAmount(decimal Value, string? Currency, int Index, int Length, bool HasCents)
{
    public bool IsMoney => HasCents || Currency is not null;
}

/// <summary>
/// Parses amounts in the notations suppliers use: 1,234.56 · 1.234,56 · 1 234,56 · 1'234.50, with a
/// currency symbol or ISO code before or after, and a sign or accounting parentheses.
/// </summary>
public static partial class AmountParser
{
    private const string Marker = @"US\$|CA\$|AU\$|A\$|C\$|[€$£₹¥]|\b(?:EUR|USD|GBP|CHF|INR|PLN|CAD|AUD|NZD|JPY|SEK|NOK|DKK|CZK|HUF|EURO)\b|\bRs\b\.?";

    // A symbol after a number belongs to it only if no other number follows ("2014 $4.11" is a year, then money).
    // The lookarounds keep dates (04.07.2023), percentages, phone numbers and identifiers out.
    [GeneratedRegex(@"(?<![\w.,/:-])(?<open>\()?(?<neg>[-−–])?\s?(?<pre>" + Marker + @")?\s?(?<neg2>[-−])?(?<num>\d{1,3}(?:(?<grp>[ .,'\u00A0\u202F])\d{3})(?:\k<grp>\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?![\d%]|[.,/:-]\d|[A-Za-z]{1,2}\b)(?:\s?(?<post>" + Marker + @")(?!\s?[\d(]))?(?<close>\))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    public static IReadOnlyList<ParsedAmount> FindAll(string text)
    {
        var found = new List<ParsedAmount>();
        foreach (Match m in AmountPattern().Matches(text))
        {
            if (ParseNumber(m.Groups["num"].Value) is not { } value) continue;
            var negative = m.Groups["neg"].Success || m.Groups["neg2"].Success || (m.Groups["open"].Success && m.Groups["close"].Success);
            var marker = m.Groups["pre"].Success ? m.Groups["pre"].Value : m.Groups["post"].Success ? m.Groups["post"].Value : null;
            var hasCents = Regex.IsMatch(m.Groups["num"].Value, @"[.,]\d{2}$");
            found.Add(new ParsedAmount(negative ? -value : value, CurrencyCodes.Normalize(marker), m.Index, m.Length, hasCents));
        }
        return found;
    }

    /// <summary>The first amount in the text that reads as money, or null.</summary>
    public static ParsedAmount? FirstMoney(string text) => FindAll(text).FirstOrDefault(a => a.IsMoney);

    /// <summary>Parses one number; the last of ',' or '.' is the decimal mark when followed by 1–2 digits.</summary>
    public static decimal? ParseNumber(string number)
    {
        var s = number.Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "").Replace("'", "");
        var lastSep = s.LastIndexOfAny([',', '.']);
        string integerPart, fraction = "";
        if (lastSep >= 0 && s.Length - lastSep - 1 is 1 or 2)
        {
            integerPart = s[..lastSep];
            fraction = s[(lastSep + 1)..];
        }
        else integerPart = s;
        integerPart = integerPart.Replace(",", "").Replace(".", "");
        if (integerPart.Length == 0) integerPart = "0";
        var invariant = fraction.Length > 0 ? $"{integerPart}.{fraction}" : integerPart;
        return decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    public static string Format(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
