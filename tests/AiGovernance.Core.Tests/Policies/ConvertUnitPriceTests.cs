namespace AiGovernance.Core.Tests.Policies;

public class ConvertUnitPriceTests
{
    [Fact]
    public void Unit_prices_convert_through_the_base_currency_without_rounding()
    {
        var policy = PolicyTestData.DefaultPolicy(); // base EUR; USD 0.92, GBP 1.17

        Assert.Equal(0.0276m, policy.ConvertUnitPrice(0.03m, "USD", "EUR"));
        Assert.Equal(10m, policy.ConvertUnitPrice(10m, "EUR", "EUR"));
        Assert.Equal(10m, policy.ConvertUnitPrice(10m, null, "GBP"));
        Assert.Equal(Math.Round(10m * 0.92m / 1.17m, 10), Math.Round(policy.ConvertUnitPrice(10m, "usd", "GBP")!.Value, 10));
    }

    [Fact]
    public void A_currency_without_a_rate_cannot_be_converted()
    {
        var policy = PolicyTestData.DefaultPolicy();

        Assert.Null(policy.ConvertUnitPrice(100m, "JPY", "EUR"));
        Assert.Null(policy.ConvertUnitPrice(100m, "EUR", "JPY"));
    }
}
