using AiGovernance.Core.Exceptions;

namespace AiGovernance.Ml.Triage;

/// <summary>
/// Turns a simulated history into what the system would have known: each exception's facts at the moment it was
/// raised (type and supplier outcomes decided before then, never after), and the inbox as TriageScore sees it at a
/// given moment.
/// </summary>
public static class SimulatedHistory
{
    public static IReadOnlyList<ExceptionExample> ExamplesAtRaise(IReadOnlyList<SimulatedException> all)
    {
        var decisions = all.OrderBy(e => e.DecidedAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var typeCounts = new Dictionary<string, (int Real, int Dismissed)>(StringComparer.Ordinal);
        var supplierCounts = new Dictionary<string, (int Real, int Dismissed)>(StringComparer.Ordinal);
        var next = 0;
        var result = new List<ExceptionExample>(all.Count);
        foreach (var e in all.OrderBy(e => e.RaisedAt).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            for (; next < decisions.Count && decisions[next].DecidedAt < e.RaisedAt; next++)
            {
                var d = decisions[next];
                Count(typeCounts, d.Type, d.Real);
                Count(supplierCounts, d.Supplier, d.Real);
            }
            var t = typeCounts.GetValueOrDefault(e.Type);
            var s = supplierCounts.GetValueOrDefault(e.Supplier);
            result.Add(new ExceptionExample(e.Id, e.RaisedAt, new ExceptionFacts(e.Type, e.Severity, e.Confidence, e.AmountAtRisk, e.SupplierRisk,
                e.SlaDue is { } sla ? (sla - e.RaisedAt).TotalHours : null, (e.NeededBy - e.RaisedAt).TotalHours, e.CustomerCommitment,
                t.Real, t.Dismissed, s.Real, s.Dismissed, e.DuplicateProbability, e.PriceVariancePercent), e.Real));
        }
        return result;
    }

    /// <summary>The triage input of an open exception at <paramref name="now"/>, with the type's reviewer history as of now (as the inbox reads it).</summary>
    public static TriageInput InputAt(SimulatedException e, DateTimeOffset now, (int Real, int Dismissed) typeHistory) =>
        new(e.Type, e.Severity, e.Confidence, typeHistory.Real, typeHistory.Dismissed, e.AmountAtRisk, e.SupplierRisk,
            e.SlaDue is { } sla ? sla - now : null, e.NeededBy - now, e.CustomerCommitment);

    private static void Count(Dictionary<string, (int Real, int Dismissed)> counts, string key, bool real)
    {
        var c = counts.GetValueOrDefault(key);
        counts[key] = real ? (c.Real + 1, c.Dismissed) : (c.Real, c.Dismissed + 1);
    }
}
