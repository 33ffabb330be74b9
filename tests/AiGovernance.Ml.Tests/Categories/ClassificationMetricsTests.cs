using AiGovernance.Ml.Categories;

namespace AiGovernance.Ml.Tests.Categories;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Macro_f1_averages_classes_alike_and_counts_a_never_predicted_class_as_zero()
    {
        // 8 A rows all right, 2 B rows predicted A: accuracy 0.8; A: P 8/10, R 1 → F1 0.889; B: F1 0.
        var rows = Enumerable.Repeat(("A", "A"), 8).Concat(Enumerable.Repeat(("B", "A"), 2)).ToList();

        var m = ClassificationMetrics.Compute(rows);

        Assert.Equal(0.8, m.Accuracy, 6);
        Assert.Equal((2 * 0.8 / 1.8 + 0) / 2, m.MacroF1, 6);
        Assert.Equal(0, m.PerClass.Single(c => c.Category == "B").F1);
        Assert.Equal(2, m.PerClass.Single(c => c.Category == "B").Support);
    }

    [Fact]
    public void A_predicted_class_absent_from_the_truth_still_counts()
    {
        var m = ClassificationMetrics.Compute([("A", "A"), ("A", "C")]);

        Assert.Equal(2, m.PerClass.Count);
        Assert.Equal((2 * 1 * 0.5 / 1.5 + 0) / 2, m.MacroF1, 6);
    }
}
