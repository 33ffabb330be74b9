using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Ml.Tests.PriceVariance;

internal static class PriceTestData
{
    public static readonly DateOnly Today = new(2024, 6, 1);

    public static PriceLine Line(decimal price, int daysAgo = 0, string supplier = "Acme", string uom = "each", string item = "X",
        decimal? contract = null, decimal quantity = 10, string id = "line") =>
        new(id, item, "Widget", supplier, quantity, uom, price, "USD", Today.AddDays(-daysAgo), contract, "Hardware");

    /// <summary>Earlier lines of item X: one every <paramref name="everyDays"/> days, prices cycling through <paramref name="prices"/>.</summary>
    public static List<PriceLine> History(int count, decimal[] prices, string supplier = "Acme", string uom = "each", int everyDays = 5, string item = "X") =>
        Enumerable.Range(1, count).Select(i => Line(prices[i % prices.Length], i * everyDays, supplier, uom, item, id: $"h{supplier}{i}")).ToList();
}
