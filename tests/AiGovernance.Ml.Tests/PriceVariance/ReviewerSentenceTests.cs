using AiGovernance.Ml.PriceVariance;
using static AiGovernance.Ml.Tests.PriceVariance.PriceTestData;

namespace AiGovernance.Ml.Tests.PriceVariance;

public class ReviewerSentenceTests
{
    private static readonly PriceVarianceParams P = new();

    private static string Sentence(PriceLine line, IReadOnlyList<PriceLine> history, double? regression = null) =>
        PriceVarianceModel.ToResult(ExpectedPriceResolver.Resolve(line, history, P, regression is null ? null : (_, _) => regression), P).Reason;

    [Fact]
    public void Names_price_ratio_window_median_item_and_supplier()
    {
        var history = History(12, [10.50m, 10.40m, 10.60m]);

        var sentence = Sentence(Line(41.00m), history);

        Assert.Equal("unit price 41.00 is 3.9× the 90-day median 10.50 for item X (Widget) at this supplier (12 purchases in 90 days)", sentence);
    }

    [Fact]
    public void Contract_basis_names_the_contract_and_shows_the_history_median_beside_it()
    {
        var history = History(12, [10.50m]);

        var sentence = Sentence(Line(41.00m, contract: 10.00m), history);

        Assert.Equal("unit price 41.00 is 4.1× the contract price 10.00 for item X (Widget); 90-day median at this supplier 10.50", sentence);
    }

    [Fact]
    public void Says_which_data_entry_slip_the_ratio_matches()
    {
        var packs = History(8, [29.00m], uom: "pack of 30");

        Assert.EndsWith("looks like a pack price (pack of 30) entered as a unit price", Sentence(Line(29.00m, uom: "each"), packs));
        Assert.EndsWith("looks like a decimal shift", Sentence(Line(290.00m, uom: "pack of 30"), packs));
    }

    [Fact]
    public void Regression_basis_says_history_was_too_sparse()
    {
        var sentence = Sentence(Line(100.00m), History(1, [10m]), regression: Math.Log(10));

        Assert.StartsWith("unit price 100.00 is 10.0× the model estimate 10.00 for item X (Widget) (1 purchase earlier, too few for a median", sentence);
    }

    [Theory]
    [InlineData(3.9, "3.9×")]
    [InlineData(0.1, "10.0× below")]
    [InlineData(1.24, "24% above")]
    [InlineData(0.8, "20% below")]
    [InlineData(1.02, "within 2% of")]
    public void Comparison_wording(double ratio, string expected) => Assert.Equal(expected, ReviewerSentence.Comparison(ratio));

    [Fact]
    public void A_normal_price_reads_as_within_the_median()
    {
        var sentence = Sentence(Line(10.20m), History(12, [10.00m]));

        Assert.StartsWith("unit price 10.20 is within 2% of the 90-day median 10.00", sentence);
    }
}
