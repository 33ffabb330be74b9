using System.Globalization;

namespace AiGovernance.Ml.Duplicates;

/// <summary>A split purchase: requisitions that each stay under an approval threshold while together they cross it.</summary>
/// <param name="Ids">The requisitions involved, oldest first, the newest last.</param>
/// <param name="Total">Their sum.</param>
/// <param name="Threshold">The approval threshold the sum crosses (the highest one crossed).</param>
/// <param name="Reasons">Sentences a reviewer reads.</param>
public sealed record SplitPurchaseFinding(IReadOnlyList<string> Ids, decimal Total, decimal Threshold, IReadOnlyList<string> Reasons);

/// <summary>
/// Finds split purchases: the newest requisition plus earlier ones from the same requester or the same
/// cost centre, to the same supplier, within a window, each under an approval threshold of the active
/// policy while their sum reaches it. Pure: no clock, no I/O; amounts and thresholds share a currency.
/// </summary>
public static class SplitPurchaseDetector
{
    public static SplitPurchaseFinding? Find(DuplicateRecord newest, IReadOnlyList<DuplicateRecord> recent, IReadOnlyList<decimal> thresholds, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(newest);
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(thresholds);
        var supplier = new PreparedRecord(newest).SupplierBlockKey;
        var days = (int)Math.Ceiling(window.TotalDays);
        var related = recent
            .Where(r => r.Id != newest.Id)
            .Where(r => r.Date <= newest.Date && newest.Date.DayNumber - r.Date.DayNumber <= days)
            .Where(r => SameKey(r.Requester, newest.Requester) || SameKey(r.CostCenter, newest.CostCenter))
            .Where(r => new PreparedRecord(r).SupplierBlockKey == supplier)
            .DistinctBy(r => r.Id)
            .ToList();
        if (related.Count == 0) return null;

        // The highest threshold first: crossing 25,000 by splitting matters more than crossing 5,000.
        foreach (var threshold in thresholds.Where(t => t > 0).Distinct().OrderDescending())
        {
            if (Math.Abs(newest.Amount) >= threshold) continue;
            var under = related.Where(r => Math.Abs(r.Amount) < threshold).OrderBy(r => r.Date).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            var total = Math.Abs(newest.Amount) + under.Sum(r => Math.Abs(r.Amount));
            if (under.Count == 0 || total < threshold) continue;
            var ids = under.Select(r => r.Id).Append(newest.Id).ToList();
            return new SplitPurchaseFinding(ids, total, threshold, Reasons(newest, under, total, threshold, days));
        }
        return null;
    }

    private static bool SameKey(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static List<string> Reasons(DuplicateRecord newest, List<DuplicateRecord> under, decimal total, decimal threshold, int days)
    {
        var inv = CultureInfo.InvariantCulture;
        var byRequester = under.All(r => SameKey(r.Requester, newest.Requester));
        var byCostCenter = under.All(r => SameKey(r.CostCenter, newest.CostCenter));
        var who = byRequester ? $"requester {newest.Requester!.Trim()}"
            : byCostCenter ? $"cost centre {newest.CostCenter!.Trim()}"
            : "the same requester or cost centre";
        var first = under.Min(r => r.Date);
        return
        [
            string.Create(inv, $"{under.Count + 1} requisitions from {who} to supplier '{newest.Supplier.Trim()}' within {newest.Date.DayNumber - first.DayNumber + 1} days (window {days} days)"),
            string.Create(inv, $"each is under the approval threshold {threshold:#,0.00} (largest {under.Max(r => Math.Abs(r.Amount)):#,0.00}, newest {Math.Abs(newest.Amount):#,0.00})"),
            string.Create(inv, $"together they total {total:#,0.00}, which reaches the threshold {threshold:#,0.00}"),
        ];
    }
}
