using AiGovernance.Ml.Triage;

namespace AiGovernance.Ml.Tests.Triage;

public sealed class NdcgTests
{
    [Fact]
    public void The_ideal_order_scores_one() =>
        Assert.Equal(1.0, Ndcg.AtK([3, 2, 1, 0, 0], 10)!.Value, 10);

    [Fact]
    public void A_known_order_has_the_textbook_value()
    {
        // Relevances 0, 3, 1 in that order; gains 0, 7, 1. DCG = 0/log2(2) + 7/log2(3) + 1/log2(4) = 4.9165; ideal 7/1 + 1/log2(3) + 0 = 7.6309.
        var dcg = 7 / Math.Log2(3) + 1 / 2.0;
        var ideal = 7 + 1 / Math.Log2(3);

        Assert.Equal(dcg, Ndcg.Dcg([0, 3, 1], 10), 10);
        Assert.Equal(dcg / ideal, Ndcg.AtK([0, 3, 1], 10)!.Value, 10);
        Assert.Equal(0.6443, Ndcg.AtK([0, 3, 1], 10)!.Value, 4);
    }

    [Fact]
    public void Only_the_first_k_positions_count_but_the_ideal_sees_every_item()
    {
        // The one relevant item is 3rd: outside k = 2, so nothing is gained; the ideal puts it first.
        Assert.Equal(0, Ndcg.AtK([0, 0, 2], 2)!.Value, 10);
        Assert.Equal(1 / Math.Log2(4), Ndcg.AtK([0, 0, 1], 3)!.Value, 10);
    }

    [Fact]
    public void Nothing_relevant_is_undefined_not_zero() => Assert.Null(Ndcg.AtK([0, 0, 0], 10));
}
