namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>Currency markers as printed on documents, mapped to ISO 4217 codes.</summary>
public static class CurrencyCodes
{
    /// <summary>ISO codes we accept when printed as such (a closed list, so "ANY" or "THE" never count).</summary>
    public static readonly IReadOnlySet<string> Iso = new HashSet<string>(StringComparer.Ordinal)
    {
        "EUR", "USD", "GBP", "CHF", "INR", "PLN", "CAD", "AUD", "NZD", "JPY", "CNY", "SEK", "NOK", "DKK",
        "CZK", "HUF", "RON", "BGN", "TRY", "ZAR", "BRL", "MXN", "SGD", "HKD", "ILS", "AED",
    };

    // A bare "$" is read as USD: it is by far the most common meaning on invoices, and documents in other
    // dollars usually say so (CA$, A$, "CAD").
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["€"] = "EUR", ["EURO"] = "EUR", ["Euros"] = "EUR", ["$"] = "USD", ["US$"] = "USD", ["CA$"] = "CAD", ["C$"] = "CAD",
        ["A$"] = "AUD", ["AU$"] = "AUD", ["£"] = "GBP", ["₹"] = "INR", ["Rs"] = "INR", ["Rs."] = "INR",
        ["¥"] = "JPY", ["zł"] = "PLN", ["Fr."] = "CHF",
    };

    /// <summary>The ISO code for a printed marker (code or symbol), or null.</summary>
    public static string? Normalize(string? marker)
    {
        if (string.IsNullOrWhiteSpace(marker)) return null;
        var m = marker.Trim();
        if (Iso.Contains(m.ToUpperInvariant()) && m.Length == 3) return m.ToUpperInvariant();
        return Symbols.TryGetValue(m, out var code) ? code : null;
    }
}
