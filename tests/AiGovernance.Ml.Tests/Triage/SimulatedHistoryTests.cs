using AiGovernance.Ml.Triage;

namespace AiGovernance.Ml.Tests.Triage;

public sealed class SimulatedHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static SimulatedException E(string id, string type, string supplier, double raisedHours, double decidedHours, bool real, decimal amount = 1000) =>
        new(id, type, "high", supplier, "medium", 0.8, amount, T0.AddHours(raisedHours), T0.AddHours(decidedHours), T0.AddHours(raisedHours + 24),
            T0.AddHours(raisedHours + 24 * 10), false, 0.8, null, real, "test");

    [Fact]
    public void Facts_count_only_outcomes_decided_before_the_exception_was_raised()
    {
        var all = new[]
        {
            E("a", "probable_duplicate", "S1", 0, 5, real: true),
            E("b", "probable_duplicate", "S2", 1, 3, real: false),
            E("c", "probable_duplicate", "S1", 4, 100, real: true),   // b decided (3 h) before c raised (4 h); a not yet (5 h)
            E("d", "split_purchase", "S1", 6, 7, real: false),        // a decided by now: supplier S1 has 1 real
        };

        var facts = SimulatedHistory.ExamplesAtRaise(all).ToDictionary(e => e.Id, e => e.Facts);

        Assert.Equal((0, 0, 0, 0), (facts["a"].TypeReal, facts["a"].TypeDismissed, facts["a"].SupplierReal, facts["a"].SupplierDismissed));
        Assert.Equal((0, 1, 0, 0), (facts["c"].TypeReal, facts["c"].TypeDismissed, facts["c"].SupplierReal, facts["c"].SupplierDismissed));
        Assert.Equal((0, 0, 1, 0), (facts["d"].TypeReal, facts["d"].TypeDismissed, facts["d"].SupplierReal, facts["d"].SupplierDismissed));
        Assert.Equal(24, facts["c"].HoursToSla!.Value, 6);
        Assert.Equal(240, facts["c"].HoursToNeededBy!.Value, 6);
    }

    [Fact]
    public void Ranking_by_the_truth_scores_one_and_the_four_orderings_are_measured_on_the_same_days()
    {
        // Two days of an inbox: one real exception among false alarms that are older and larger.
        var all = new List<SimulatedException>();
        for (var i = 0; i < 12; i++) all.Add(E($"f{i}", "probable_duplicate", "S2", -30 - i, 200, real: false, amount: 90_000));
        all.Add(E("r", "probable_duplicate", "S1", -2, 200, real: true, amount: 500));
        var day = DateOnly.FromDateTime(T0.UtcDateTime);
        var oracle = all.ToDictionary(e => e.Id, e => e.Real ? 0.99 : 0.01);

        var result = RankingEvaluation.Run(all, day, day.AddDays(2), oracle, "oracle", Core.Exceptions.TriageWeights.Default);

        Assert.Equal(4, result.Orderings.Count);
        Assert.All(result.Orderings, o => Assert.Equal(2, o.Days));
        Assert.Equal(1.0, result.Orderings[0].MeanNdcg, 6);                      // the learned probability knows the truth here
        Assert.Equal(0.0, result.Orderings[2].MeanNdcg, 6);                      // FIFO: 12 older false alarms first, the real one is 13th
        Assert.Equal(0.0, result.Orderings[3].MeanNdcg, 6);                      // largest amount: the false alarms are larger
    }
}
