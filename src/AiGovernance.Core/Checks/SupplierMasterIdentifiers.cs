namespace AiGovernance.Core.Checks;

/// <summary>
/// VAT ids and IBANs as the supplier master and requisitions carry them. Both are written with spaces, dots
/// and dashes in the wild ("DE 123.456.789", "DE89 3704 …"); they are compared and stored compact and upper-case.
/// </summary>
public static class SupplierMasterIdentifiers
{
    /// <summary>Removes spaces and punctuation and upper-cases, so "de 89-3704.0044" and "DE8937040044" are one value.</summary>
    public static string Compact(string value) =>
        string.Concat(value.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    /// <summary>
    /// ISO 13616: two letters, two check digits, up to 30 letters/digits (15–34 in all); moving the first four
    /// characters to the end and reading letters as 10–35 gives a number whose remainder mod 97 is 1.
    /// </summary>
    public static bool IsValidIban(string value)
    {
        if (value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.'))) return false;
        var iban = Compact(value);
        if (iban.Length is < 15 or > 34) return false;
        if (!char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3])) return false;
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            // Digit by digit keeps the running number small (a letter is two digits, 10–35).
            var digits = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = digits >= 10 ? (remainder * 100 + digits) % 97 : (remainder * 10 + digits) % 97;
        }
        return remainder == 1;
    }

    /// <summary>A VAT id: a two-letter country prefix and 2–13 letters or digits (EU VAT numbers, GB, CH, NO, …), after compacting.</summary>
    public static bool IsValidVatId(string value)
    {
        if (value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.'))) return false;
        var vat = Compact(value);
        return vat.Length is >= 4 and <= 15 && char.IsAsciiLetter(vat[0]) && char.IsAsciiLetter(vat[1]);
    }

    /// <summary>Bank data is kept out of the log and the inbox: only the country code and the last four characters show.</summary>
    public static string MaskIban(string iban)
    {
        var compact = Compact(iban);
        if (compact.Length <= 6) return new string('*', compact.Length);
        return compact[..2] + new string('*', compact.Length - 6) + compact[^4..];
    }

    /// <summary>The IBAN in the groups of four it is printed in, for people to read.</summary>
    public static string Grouped(string iban) => string.Join(' ', Compact(iban).Chunk(4).Select(c => new string(c)));
}
