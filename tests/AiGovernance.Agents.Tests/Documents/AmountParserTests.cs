using AiGovernance.Agents.Documents.Extraction;

namespace AiGovernance.Agents.Tests.Documents;

public class AmountParserTests
{
    [Theory]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("1'234.50", "1234.50")]
    [InlineData("46,68", "46.68")]
    [InlineData("83.20", "83.20")]
    [InlineData("3.441.812", "3441812")]
    [InlineData("100,000", "100000")]
    public void Numbers_in_every_grouping_convention(string text, string expected)
    {
        var value = AmountParser.ParseNumber(text);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("€83.20", 83.20, "EUR")]
    [InlineData("$ 279.84", 279.84, "USD")]
    [InlineData("USD 47.90", 47.90, "USD")]
    [InlineData("119,00 €", 119.00, "EUR")]
    [InlineData("£12.00", 12.00, "GBP")]
    [InlineData("₹ 1,939.00", 1939.00, "INR")]
    [InlineData("Rs 1939", 1939, "INR")]
    [InlineData("CHF 1'250.00", 1250.00, "CHF")]
    [InlineData("-USD 47.90", -47.90, "USD")]
    [InlineData("($144.00)", -144.00, "USD")]
    public void Currency_symbols_and_codes_before_or_after(string text, double amount, string currency)
    {
        var found = AmountParser.FirstMoney(text);

        Assert.NotNull(found);
        Assert.Equal((decimal)amount, found.Value);
        Assert.Equal(currency, found.Currency);
    }

    [Theory]
    [InlineData("04.07.2023")]
    [InlineData("15.00%")]
    [InlineData("August 3 , 2014")]
    [InlineData("Page 1 of 2")]
    public void Dates_percentages_and_counts_are_not_money(string text)
    {
        Assert.Null(AmountParser.FirstMoney(text));
    }

    [Fact]
    public void The_money_amount_after_a_date_is_found()
    {
        var found = AmountParser.FirstMoney("ON August 3 , 2014 $4.11");

        Assert.Equal(4.11m, found?.Value);
    }
}
