using AiGovernance.Ml.Outcomes;

namespace AiGovernance.Ml.Tests.Outcomes;

public class TimeSplitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static OutcomeLabel At(int hours, int id, bool label = true) =>
        new(new Guid(id, 0, 0, new byte[8]), "t", T0.AddHours(hours), label, label ? "accepted" : "rejected", null, "v1");

    [Fact]
    public void Evaluation_holds_the_latest_outcomes_and_nothing_in_training_is_decided_after_the_split()
    {
        var outcomes = Enumerable.Range(0, 10).Select(i => At(hours: 9 - i, id: i)).ToList(); // arrive newest first

        var split = TimeSplit.ByDecisionTime(outcomes, o => o, evalFraction: 0.3);

        Assert.Equal(7, split.Train.Count);
        Assert.Equal(3, split.Eval.Count);
        Assert.Equal(T0.AddHours(7), split.SplitAt);
        Assert.True(split.Train.Max(o => o.DecidedAt) < split.Eval.Min(o => o.DecidedAt));
        Assert.Equal(split.Train.OrderBy(o => o.DecidedAt), split.Train);
    }

    [Fact]
    public void Outcomes_decided_at_the_same_instant_as_the_cut_all_go_to_evaluation()
    {
        var outcomes = new[] { At(0, 1), At(1, 2), At(2, 3), At(2, 4), At(2, 5) };

        var split = TimeSplit.ByDecisionTime(outcomes, o => o, evalFraction: 0.2);

        Assert.Equal([At(0, 1), At(1, 2)], split.Train);
        Assert.Equal(3, split.Eval.Count);
        Assert.All(split.Eval, o => Assert.Equal(T0.AddHours(2), o.DecidedAt));
    }

    [Fact]
    public void The_order_is_stable_so_ties_are_broken_by_recommendation_id()
    {
        var a = new[] { At(0, 3), At(0, 1), At(1, 2) };
        var b = new[] { At(1, 2), At(0, 1), At(0, 3) };

        Assert.Equal(TimeSplit.Order(a, o => o), TimeSplit.Order(b, o => o));
        Assert.Equal(1, TimeSplit.Order(a, o => o)[0].RecommendationId.ToByteArray()[0]);
    }

    [Fact]
    public void No_outcomes_give_an_empty_split_and_a_fraction_outside_zero_to_one_is_refused()
    {
        var empty = TimeSplit.ByDecisionTime(Array.Empty<OutcomeLabel>(), o => o, 0.2);
        Assert.Empty(empty.Train);
        Assert.Null(empty.SplitAt);
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeSplit.ByDecisionTime([At(0, 1)], o => o, 1.0));
    }
}
