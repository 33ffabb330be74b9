using AiGovernance.Core.Exceptions;

namespace AiGovernance.Ml.Triage;

/// <summary>One ordering's NDCG@k averaged over the held-out days whose inbox held at least one real exception.</summary>
public sealed record OrderingResult(string Name, double MeanNdcg, int Days);

public sealed record RankingResult(IReadOnlyList<OrderingResult> Orderings, int Days, double MeanInbox, int OpenReal, int OpenTotal);

/// <summary>
/// Ranks each held-out day's open inbox four ways and measures NDCG@k against the hidden truth: the triage score with the
/// learned probability, the triage score with the blend (both through <see cref="TriageScore.Compute"/> with the default
/// policy weights), first-in-first-out, and largest amount first. Relevance: a false alarm 0; a real exception graded 1–3 by
/// its cost of waiting that day (amount at risk × a step for the time left to its needed-by date), cut at the median and
/// 85th percentile of all real open items of the held-out month.
/// </summary>
public static class RankingEvaluation
{
    public const int K = 10;

    /// <param name="modelProbability">The learned probability of each exception (by id), computed from its facts at raise.</param>
    public static RankingResult Run(IReadOnlyList<SimulatedException> all, DateOnly from, DateOnly to, IReadOnlyDictionary<string, double> modelProbability,
        string modelVersion, TriageWeights weights)
    {
        var days = new List<(DateTimeOffset Now, List<SimulatedException> Open)>();
        for (var d = from; d < to; d = d.AddDays(1))
        {
            var now = new DateTimeOffset(d.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);
            days.Add((now, all.Where(e => e.RaisedAt < now && e.DecidedAt >= now).ToList()));
        }
        var costs = days.SelectMany(x => x.Open.Where(e => e.Real).Select(e => Cost(e, x.Now))).Order().ToList();
        var (q50, q85) = costs.Count == 0 ? (0.0, 0.0) : (costs[costs.Count / 2], costs[(int)(costs.Count * 0.85)]);

        var sums = new Dictionary<string, (double Sum, int Days)>(StringComparer.Ordinal);
        string[] names = ["triage score, learned probability", "triage score, blend (no model)", "first in, first out", "largest amount first"];
        foreach (var (now, open) in days)
        {
            var history = all.Where(e => e.DecidedAt < now).GroupBy(e => e.Type)
                .ToDictionary(g => g.Key, g => (g.Count(e => e.Real), g.Count(e => !e.Real)), StringComparer.Ordinal);
            double Relevance(SimulatedException e) => !e.Real ? 0 : Cost(e, now) >= q85 ? 3 : Cost(e, now) >= q50 ? 2 : 1;
            TriageInput Input(SimulatedException e) => SimulatedHistory.InputAt(e, now, history.GetValueOrDefault(e.Type));
            var orderings = new[]
            {
                open.OrderByDescending(e => TriageScore.Compute(Input(e) with { ModelProbability = modelProbability[e.Id], ModelVersion = modelVersion }, weights).Score),
                open.OrderByDescending(e => TriageScore.Compute(Input(e), weights).Score),
                open.OrderBy(e => 0),
                open.OrderByDescending(e => e.AmountAtRisk),
            };
            for (var i = 0; i < orderings.Length; i++)
            {
                // Ties (and FIFO itself) fall back to the oldest first, as the inbox does.
                var ranked = orderings[i].ThenBy(e => e.RaisedAt).ThenBy(e => e.Id, StringComparer.Ordinal).Select(Relevance).ToList();
                if (Ndcg.AtK(ranked, K) is not { } ndcg) continue;
                var s = sums.GetValueOrDefault(names[i]);
                sums[names[i]] = (s.Sum + ndcg, s.Days + 1);
            }
        }
        var results = names.Select(n => sums.TryGetValue(n, out var s) ? new OrderingResult(n, s.Sum / s.Days, s.Days) : new OrderingResult(n, double.NaN, 0)).ToList();
        return new RankingResult(results, days.Count, days.Average(x => x.Open.Count), days.Sum(x => x.Open.Count(e => e.Real)), days.Sum(x => x.Open.Count));
    }

    /// <summary>What waiting costs: the amount at risk, doubled within 10 days of the needed-by date and tripled within 3 (or past it).</summary>
    public static double Cost(SimulatedException e, DateTimeOffset now)
    {
        var daysLeft = (e.NeededBy - now).TotalDays;
        return (double)e.AmountAtRisk * (daysLeft <= 3 ? 3 : daysLeft <= 10 ? 2 : 1);
    }
}
