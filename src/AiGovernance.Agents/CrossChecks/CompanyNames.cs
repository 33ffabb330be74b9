using AiGovernance.Core.Text;

namespace AiGovernance.Agents.CrossChecks;

/// <summary>
/// Compares company names as people write them: "Coolblue B.V." and "COOLBLUE BV" are one supplier. Names are
/// normalized as the duplicate detector normalizes supplier names; the score is the share of the shorter name's
/// words found in the other.
/// </summary>
public static class CompanyNames
{
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

    private static HashSet<string> Words(string name) =>
        SupplierNameNormalizer.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
