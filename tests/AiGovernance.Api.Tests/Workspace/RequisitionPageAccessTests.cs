using System.Net;
using AiGovernance.Api.Tests.Documents;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Recommendations;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

/// <summary>The requisition and document pages: the API's visibility rules, refusals and bad input.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequisitionPageAccessTests(ApiFixture fixture, WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>
{
    [Fact]
    public async Task Another_tenants_requisition_is_not_found()
    {
        var other = await browser.CreateTenantAsync(fixture);
        var theirs = await other.As("u-anna").SubmitAsync(TestApi.Requisition(1500));
        var tenant = await browser.CreateTenantAsync(fixture);

        var page = await browser.SignInAsync(tenant, "u-david");
        var response = await page.GotoAsync($"/requisitions/{theirs.Id()}");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("[data-problem-code]")).ToHaveTextAsync("requisition_not_found");
        await WorkspaceBrowser.ScreenshotAsync(page, "requisition-other-tenant-404");
    }

    [Fact]
    public async Task A_requester_reads_their_own_requisition_and_its_document_pages_but_not_another_requesters()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        using var anna = tenant.As("u-anna");
        var mine = await anna.SubmitAsync(TestApi.Requisition(2400));
        var doc = await (await anna.UploadAsync(mine, SharedData.Bytes("invoice2data", "compare", "NetpresseInvoice.pdf"), "netpresse.pdf"))
            .ReadAsync(HttpStatusCode.Created);
        await tenant.RunJobsAsync();

        var page = await browser.SignInAsync(tenant, "u-anna");
        await page.GotoAsync($"/requisitions/{mine.Id()}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(mine.Number());
        // A requester neither decides their own request nor reads the AI's recommendations (the API's roles).
        await Assertions.Expect(page.Locator("#decide")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("shown to reviewers");
        await page.Locator("[data-summary] a[data-page]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-page-text]")).ToContainTextAsync("NETPRESSE");
        Assert.EndsWith($"/documents/{doc.Str("id")}/pages/1", page.Url, StringComparison.Ordinal);
        var missing = await page.GotoAsync($"/documents/{doc.Str("id")}/pages/9");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.Locator("[data-problem-code]")).ToHaveTextAsync("page_not_found");

        var ben = await browser.SignInAsync(tenant, "u-ben");
        var refused = await ben.GotoAsync($"/requisitions/{mine.Id()}");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(ben.Locator("[data-problem-code]")).ToHaveTextAsync("not_your_requisition");
        await WorkspaceBrowser.ScreenshotAsync(ben, "requisition-other-requester-403");
        Assert.Equal(403, (await ben.GotoAsync($"/documents/{doc.Str("id")}/pages/1"))!.Status);
    }

    [Fact]
    public async Task Rejecting_without_a_reason_says_what_is_missing_and_changes_nothing()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(3100));
        var hold = await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id()));

        // A plain approver sees the hold but no form to decide it: holds are for reviewers, procurement and admins.
        var david = await browser.SignInAsync(tenant, "u-david");
        await david.GotoAsync($"/requisitions/{req.Id()}");
        var card = david.Locator($"article[data-recommendation='{hold.Str("id")}']");
        await Assertions.Expect(card).ToContainTextAsync("needs one of the roles: reviewer, procurement_ops, admin");
        await Assertions.Expect(card.Locator("form")).ToHaveCountAsync(0);
        await david.Locator("#decide button[value=reject]").ClickAsync();
        await Assertions.Expect(david.Locator(".flash.error")).ToContainTextAsync("a reason is required to reject");
        await WorkspaceBrowser.ScreenshotAsync(david, "requisition-reject-without-reason");

        var grace = await browser.SignInAsync(tenant, "u-grace");
        await grace.GotoAsync($"/requisitions/{req.Id()}");
        await grace.Locator($"article[data-recommendation='{hold.Str("id")}'] button[value=reject]").ClickAsync();
        await Assertions.Expect(grace.Locator(".flash.error")).ToContainTextAsync("reason: is required to reject or edit");
        await grace.Locator($"article[data-recommendation='{hold.Str("id")}'] details summary").ClickAsync();
        await grace.Locator($"article[data-recommendation='{hold.Str("id")}'] textarea[name=reason]").FillAsync("Typo in the reason");
        await grace.Locator($"article[data-recommendation='{hold.Str("id")}'] textarea[name=payload]").FillAsync("{not json");
        await grace.Locator($"article[data-recommendation='{hold.Str("id")}'] button[value=edit]").ClickAsync();
        await Assertions.Expect(grace.Locator(".flash.error")).ToContainTextAsync("payload: is not valid JSON");
        await WorkspaceBrowser.ScreenshotAsync(grace, "requisition-recommendation-errors");

        Assert.Equal("pending", (await tenant.As("u-grace").GetRecommendationAsync(hold)).Str("status"));
        var unchanged = await tenant.As("u-anna").GetRequisitionAsync(req);
        Assert.Equal(("pending_approval", 1), (unchanged.Status(), unchanged.GetProperty("version").GetInt32()));
    }
}
