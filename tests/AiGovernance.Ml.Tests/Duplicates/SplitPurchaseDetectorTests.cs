using AiGovernance.Ml.Duplicates;

namespace AiGovernance.Ml.Tests.Duplicates;

public class SplitPurchaseDetectorTests
{
    private static readonly DateOnly Day = new(2024, 5, 20);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static DuplicateRecord R(string id, decimal amount, int daysAgo, string requester = "alice", string supplier = "Acme Ltd", string? costCenter = "CC1") =>
        new(id, supplier, null, null, "laptops", amount, "EUR", Day.AddDays(-daysAgo), requester, costCenter);

    [Fact]
    public void Three_requisitions_under_the_threshold_that_together_cross_it_are_a_split()
    {
        var finding = SplitPurchaseDetector.Find(R("n", 4000, 0), [R("a", 4000, 3), R("b", 3500, 1)], [10_000m], Week);
        Assert.NotNull(finding);
        Assert.Equal(["a", "b", "n"], finding.Ids);
        Assert.Equal(11_500m, finding.Total);
        Assert.Equal(10_000m, finding.Threshold);
        Assert.Contains(finding.Reasons, r => r.Contains("requester alice", StringComparison.Ordinal));
        Assert.Contains(finding.Reasons, r => r.Contains("11,500.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Under_the_threshold_in_total_is_not_a_split() =>
        Assert.Null(SplitPurchaseDetector.Find(R("n", 4000, 0), [R("a", 4000, 3)], [10_000m], Week));

    [Fact]
    public void A_newest_requisition_already_over_the_threshold_is_not_a_split() =>
        Assert.Null(SplitPurchaseDetector.Find(R("n", 12_000, 0), [R("a", 4000, 3)], [10_000m], Week));

    [Fact]
    public void Other_suppliers_other_people_and_old_requisitions_do_not_count()
    {
        var recent = new[]
        {
            R("other-supplier", 9000, 1, supplier: "Globex"),
            R("other-person", 9000, 1, requester: "bob", costCenter: "CC9"),
            R("too-old", 9000, 30),
            R("later", 9000, -1),
        };
        Assert.Null(SplitPurchaseDetector.Find(R("n", 4000, 0), recent, [10_000m], Week));
    }

    [Fact]
    public void The_same_cost_centre_with_another_requester_counts()
    {
        var finding = SplitPurchaseDetector.Find(R("n", 6000, 0), [R("a", 6000, 2, requester: "bob")], [10_000m], Week);
        Assert.NotNull(finding);
        Assert.Contains(finding.Reasons, r => r.Contains("cost centre CC1", StringComparison.Ordinal));
    }

    [Fact]
    public void Supplier_name_variants_are_one_supplier() =>
        Assert.NotNull(SplitPurchaseDetector.Find(R("n", 6000, 0), [R("a", 6000, 2, supplier: "ACME LIMITED")], [10_000m], Week));

    [Fact]
    public void The_highest_threshold_crossed_is_reported_and_items_over_it_are_left_out()
    {
        var finding = SplitPurchaseDetector.Find(R("n", 9000, 0), [R("a", 9000, 1), R("b", 9500, 2), R("big", 30_000, 1)], [5_000m, 25_000m], Week);
        Assert.NotNull(finding);
        Assert.Equal(25_000m, finding.Threshold);
        Assert.Equal(27_500m, finding.Total);
        Assert.DoesNotContain("big", finding.Ids);
    }
}
