using System.Globalization;
using AiGovernance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

/// <summary>The requisition page's header shows the customer commitment and the stated supplier, with the IBAN masked.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequisitionCommitmentHeaderTests(ApiFixture fixture, WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>
{
    [Fact]
    public async Task The_header_shows_the_customer_order_its_promised_date_and_the_stated_supplier_masked()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var body = TestApi.Requisition(1200);
        var promised = DateTime.UtcNow.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        body["customer_order"] = "SO-2026-118";
        body["promised_date"] = promised;
        body["supplier_details"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "Orgenics Ltd", ["vat_id"] = "GB356230123", ["iban"] = "GB70DEMO11696105317839" };
        var req = await tenant.As("u-anna").SubmitAsync(body);

        var page = await browser.SignInAsync(tenant, "u-david");
        await page.GotoAsync($"/requisitions/{req.Id()}");

        var order = page.Locator("[data-customer-order]");
        await Assertions.Expect(order).ToContainTextAsync("SO-2026-118");
        await Assertions.Expect(order).ToContainTextAsync($"promised {promised}");
        var stated = page.Locator("[data-stated-supplier]");
        await Assertions.Expect(stated).ToContainTextAsync("Orgenics Ltd");
        await Assertions.Expect(stated).ToContainTextAsync("GB****************7839");
        Assert.DoesNotContain("11696105", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
