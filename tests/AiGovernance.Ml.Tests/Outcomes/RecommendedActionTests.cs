using AiGovernance.Ml.Retraining;

namespace AiGovernance.Ml.Tests.Outcomes;

public class RecommendedActionTests
{
    [Fact]
    public void Promotion_is_recommended_only_when_the_challenger_is_strictly_better_on_the_primary_metric()
    {
        var champion = HeldOutMetrics.From("c", 100, 40, tp: 30, fp: 10, fn: 10, tn: 50);
        var better = HeldOutMetrics.From("x", 100, 40, tp: 35, fp: 5, fn: 5, tn: 55);
        var same = HeldOutMetrics.From("y", 100, 40, tp: 30, fp: 10, fn: 10, tn: 50);

        Assert.Equal(RecommendedAction.RequestPromotion, RecommendedAction.Decide(better, champion, m => m.F1));
        Assert.Equal(RecommendedAction.KeepChampion, RecommendedAction.Decide(same, champion, m => m.F1));
        Assert.Equal(RecommendedAction.KeepChampion, RecommendedAction.Decide(champion, better, m => m.F1));
        Assert.Equal(RecommendedAction.RequestPromotion, RecommendedAction.Decide(same, null, m => m.F1));
    }

    [Fact]
    public void The_false_positive_rate_is_false_alarms_over_all_negatives()
    {
        var m = HeldOutMetrics.From("v", 100, 40, tp: 30, fp: 15, fn: 10, tn: 45);

        Assert.Equal(0.25, m.FalsePositiveRate);
        Assert.Equal(0.75, m.Recall);
        Assert.Equal(Math.Round(30.0 / 45, 4), m.Precision);
    }
}
