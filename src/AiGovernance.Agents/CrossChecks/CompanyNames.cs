namespace AiGovernance.Agents.CrossChecks;

/// <summary>
/// Compares company names as people write them: "Coolblue B.V." and "COOLBLUE BV" are one supplier.
/// Legal forms and punctuation are ignored; the score is the share of the shorter name's words found in the other.
/// </summary>
public static class CompanyNames
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "GMBH", "AG", "KG", "CO", "COKG", "UG", "EV", "SE", "LTD", "LIMITED", "PLC", "LLC", "INC", "CORP", "CORPORATION", "COMPANY",
        "BV", "NV", "SA", "SAS", "SARL", "SRL", "SPA", "PTY", "OY", "AB", "AS", "THE", "AND", "UND", "OHG", "MBH",
    };

    public static double Similarity(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        var (shorter, longer) = x.Count <= y.Count ? (x, y) : (y, x);
        var joinedLonger = string.Concat(longer);
        // A word counts when it is in the other name, or (for run-together names like "NETPRESSE SAS") inside it.
        var hits = shorter.Count(w => longer.Contains(w) || (w.Length >= 4 && joinedLonger.Contains(w, StringComparison.Ordinal)));
        return (double)hits / shorter.Count;
    }

    private static HashSet<string> Words(string name)
    {
        var cleaned = new string(name.ToUpperInvariant().Select(c => char.IsLetterOrDigit(c) ? c : c is '.' or '\'' ? '\0' : ' ').Where(c => c != '\0').ToArray());
        return cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !LegalForms.Contains(w)).ToHashSet(StringComparer.Ordinal);
    }
}
