using AiGovernance.Ml.Duplicates;

namespace AiGovernance.Cli.Bench.Retrain;

/// <summary>
/// Reviewer outcomes made from the committed labelled pairs (datasets/duplicate train.csv + eval.csv: real Oxford
/// payments, injected duplicates, natural hard negatives). Each pair is a flag a reviewer decided the way its label says,
/// with a reason in a reviewer's words. Pairs are decided in the order of their dates, so the later period of a
/// snapshot is the later period of the data; to reach N outcomes each pair is repeated with new ids and its amounts
/// scaled by a seeded factor (both records alike), and the copies of one pair are decided together — a copy never
/// lands on the other side of the time split from its original.
/// </summary>
public static class SyntheticOutcomes
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);

    public static List<SeededOutcome> From(IReadOnlyList<LabelledPair> pairs, int count, int seed)
    {
        var ordered = pairs.OrderBy(p => p.A.Date).ThenBy(p => p.A.Id, StringComparer.Ordinal).ThenBy(p => p.B.Id, StringComparer.Ordinal).ToList();
        var copies = (int)Math.Ceiling((double)count / ordered.Count);
        var random = new Random(seed);
        var list = new List<SeededOutcome>(count);
        for (var i = 0; i < ordered.Count && list.Count < count; i++)
            for (var c = 0; c < copies && list.Count < count; c++)
            {
                var p = ordered[i];
                var factor = c == 0 ? 1m : (decimal)(0.8 + 0.4 * random.NextDouble());
                var pair = c == 0 ? p : p with
                {
                    A = Copy(p.A, c, factor),
                    B = Copy(p.B, c, factor),
                };
                // Half an hour per pair, a second per copy: about a year of decisions for the ~17k pairs, copies side by side.
                var decidedAt = Start.AddMinutes(30 * i).AddSeconds(c);
                list.Add(new SeededOutcome(pair, decidedAt, Decision(p, i), Reason(p)));
            }
        return list;
    }

    private static DuplicateRecord Copy(DuplicateRecord r, int copy, decimal factor) =>
        r with { Id = $"{r.Id}~{copy}", Amount = Math.Round(r.Amount * factor, 2) };

    private static string Decision(LabelledPair p, int i) => p.Label ? (i % 10 == 0 ? "edited" : "accepted") : "rejected";

    private static string Reason(LabelledPair p) => p.Label
        ? p.Kind.Contains("amount-vat", StringComparison.Ordinal) ? "same invoice entered gross and net" : "confirmed duplicate"
        : p.Kind == "hard-negative" ? "recurring payment to the same supplier, not a duplicate" : "different purchase";
}
