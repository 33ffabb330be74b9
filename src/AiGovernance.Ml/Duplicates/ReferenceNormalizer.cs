using System.Text;

namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// Reduces a reference number (invoice, PO, transaction) to the characters that identify it, so the
/// same document keyed differently compares equal: "INV-001", "INV001" and "1" all become "1";
/// "060729074001" and "060729074/001" both become "60729074001".
/// </summary>
public static class ReferenceNormalizer
{
    // Longest first, so "INVOICE" is stripped before "INV" would leave "OICE".
    private static readonly string[] Prefixes = ["INVOICE", "INV", "REF", "PO", "NO", "NR", "BILL", "DOC", "TXN", "TRANS"];

    /// <summary>Upper-case alphanumerics without separators, a leading document-type word or leading zeros; "" for null/blank.</summary>
    public static string Normalize(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return "";
        var sb = new StringBuilder(reference.Length);
        foreach (var c in reference)
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(c));
        var s = sb.ToString();
        foreach (var p in Prefixes)
            // Only strip a prefix followed by a digit: "PO123" is a PO number, "POLE7" is not.
            if (s.Length > p.Length && s.StartsWith(p, StringComparison.Ordinal) && char.IsAsciiDigit(s[p.Length]))
            {
                s = s[p.Length..];
                break;
            }
        s = s.TrimStart('0');
        return s.Length == 0 && sb.Length > 0 ? "0" : s;
    }

    /// <summary>Only the digits, without leading zeros: catches "A-1001" vs "1001/B" re-keyings.</summary>
    public static string DigitsOnly(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return "";
        var sb = new StringBuilder(reference.Length);
        foreach (var c in reference)
            if (char.IsAsciiDigit(c)) sb.Append(c);
        return sb.ToString().TrimStart('0');
    }
}
