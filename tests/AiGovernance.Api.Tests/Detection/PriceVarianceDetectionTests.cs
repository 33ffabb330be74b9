using System.Text.Json;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Data.Detection;

namespace AiGovernance.Api.Tests.Detection;

[Collection(ApiCollection.Name)]
public sealed class PriceVarianceDetectionTests(ApiFixture fixture)
{
    private const string Supplier = "sup-aurobindo-pharma-limited";

    /// <summary>Ninety days of ordinary purchases of one item around 10.50.</summary>
    private static IEnumerable<PriceHistoryLine> History(string item, string currency = "EUR")
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 1; i <= 24; i++)
            yield return new PriceHistoryLine(item, "Nevirapine 10mg/ml oral suspension, 240 ml bottle", Supplier, 100 + i * 10, "EA",
                10.50m + (i % 5 - 2) * 0.10m, currency, today.AddDays(-i * 4));
    }

    [Fact]
    public async Task A_line_priced_far_above_its_history_is_flagged_with_a_sentence_and_adds_procurement_review()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture);
        await host.ImportHistoryAsync(History("NVP-SUSP-240"));
        using var anna = host.Tenant.As("u-anna");

        var normal = await host.SubmitAndScoreAsync(anna, DetectionTestHost.Requisition(Supplier, "Nevirapine oral suspension 240 ml", 50, 10.60m, item: "NVP-SUSP-240"));
        var high = await host.SubmitAndScoreAsync(anna, DetectionTestHost.Requisition(Supplier, "Nevirapine oral suspension 240 ml", 50, 41.00m, item: "NVP-SUSP-240"));

        Assert.False((await host.DetectionAsync(normal, "price-variance")).GetProperty("flagged").GetBoolean());
        var flagged = await host.DetectionAsync(high, "price-variance");
        Assert.True(flagged.GetProperty("flagged").GetBoolean(), flagged.ToString());
        Assert.True(flagged.GetProperty("score").GetDouble() > 200, flagged.ToString()); // variance % of 41.00 against ~10.50
        var line = flagged.GetProperty("details").GetProperty("lines")[0];
        Assert.InRange(line.GetProperty("expected_price").GetDecimal(), 10.2m, 10.8m);
        Assert.Contains("41", line.Str("reason"));

        var rec = Assert.Single(await host.PendingRecommendationsAsync(high), r => r.GetProperty("producer").Str("name") == "price-variance-detector");
        Assert.StartsWith("hold for price review: line 1: ", rec.GetProperty("payload").Str("reason"));
        var routed = await anna.GetRequisitionAsync(high);
        Assert.Contains(routed.GetProperty("routing").GetProperty("matched_rules").Items(), r => r.Str("rule_id") == "price-variance");
        Assert.Contains(routed.GetProperty("steps").Items(), s => s.Str("name") == "procurement-review");
    }

    /// <summary>The regression's estimate is shown, but it is too rough (see the model card) to hold a purchase on its own.</summary>
    [Fact]
    public async Task An_item_without_history_gets_an_estimate_but_no_flag_and_still_routes()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture);
        using var anna = host.Tenant.As("u-anna");

        var req = await host.SubmitAndScoreAsync(anna, DetectionTestHost.Requisition(Supplier, "Brand new item never bought before", 10, 99m, item: "NEW-ITEM-1"));

        var result = await host.DetectionAsync(req, "price-variance");
        Assert.False(result.GetProperty("flagged").GetBoolean(), result.ToString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("score").ValueKind);
        var line = result.GetProperty("details").GetProperty("lines")[0];
        Assert.Equal("regression", line.Str("basis"));
        Assert.Contains("no earlier purchases", line.Str("reason"));
        Assert.Empty(await host.PendingRecommendationsAsync(req));
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
    }

    [Fact]
    public async Task History_in_another_currency_is_compared_at_the_policys_rate()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture);
        await host.ImportHistoryAsync(History("NVP-SUSP-USD", currency: "USD")); // ~10.50 USD = ~9.66 EUR at the default policy's 0.92
        using var anna = host.Tenant.As("u-anna");

        var req = await host.SubmitAndScoreAsync(anna, DetectionTestHost.Requisition(Supplier, "Nevirapine oral suspension 240 ml", 50, 41.00m, item: "NVP-SUSP-USD"));

        var line = (await host.DetectionAsync(req, "price-variance")).GetProperty("details").GetProperty("lines")[0];
        Assert.True(line.GetProperty("flagged").GetBoolean(), line.ToString());
        Assert.InRange(line.GetProperty("expected_price").GetDecimal(), 9.4m, 9.9m);
    }
}
