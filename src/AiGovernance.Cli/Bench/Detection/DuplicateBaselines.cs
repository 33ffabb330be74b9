using AiGovernance.Ml.Duplicates;

namespace AiGovernance.Cli.Bench.Detection;

/// <summary>
/// The two rules the model is compared with, run over every pair of the same record set (not just the
/// blocker's candidates): exact match (same supplier + reference + amount) and the common ERP rule
/// (same supplier, reference ≥ 80 % similar, dates within 7 days).
/// </summary>
public static class DuplicateBaselines
{
    public static HashSet<(string, string)> ExactMatch(IReadOnlyList<DuplicateRecord> records)
    {
        var flagged = new HashSet<(string, string)>();
        var groups = records.Where(r => !string.IsNullOrWhiteSpace(r.Reference))
            .GroupBy(r => (SupplierKey(r), r.Reference!.Trim().ToUpperInvariant(), r.Amount));
        foreach (var g in groups)
        {
            var list = g.ToList();
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++) flagged.Add(Key(list[i].Id, list[j].Id));
        }
        return flagged;
    }

    public static HashSet<(string, string)> ErpRule(IReadOnlyList<DuplicateRecord> records, double referenceSimilarity = 0.8, int days = 7)
    {
        var flagged = new HashSet<(string, string)>();
        foreach (var g in records.GroupBy(SupplierKey))
        {
            var list = g.OrderBy(r => r.Date).ToList();
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count && list[j].Date.DayNumber - list[i].Date.DayNumber <= days; j++)
                {
                    var a = list[i].Reference?.Trim().ToUpperInvariant() ?? "";
                    var b = list[j].Reference?.Trim().ToUpperInvariant() ?? "";
                    if (a.Length > 0 && b.Length > 0 && TextSimilarity.LevenshteinSimilarity(a, b) >= referenceSimilarity)
                        flagged.Add(Key(list[i].Id, list[j].Id));
                }
        }
        return flagged;
    }

    /// <summary>As an ERP keys a supplier: its id, else its name as typed (upper-cased).</summary>
    private static string SupplierKey(DuplicateRecord r) =>
        string.IsNullOrWhiteSpace(r.SupplierId) ? "name:" + r.Supplier.Trim().ToUpperInvariant() : "id:" + r.SupplierId.Trim();

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
