using System.Net;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Recommendations;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

[Collection(ApiCollection.Name)]
public sealed class QueuePageTests(ApiFixture fixture, WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>
{
    [Fact]
    public async Task Approver_sees_their_pending_steps_and_bulk_approves_only_items_without_flags()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var requester = tenant.As("u-anna");
        var small = await requester.SubmitAsync(TestApi.Requisition(1200));
        var other = await requester.SubmitAsync(TestApi.Requisition(1800));

        var page = await browser.SignInAsync(tenant, "u-david");
        Assert.EndsWith("/queue", page.Url, StringComparison.Ordinal);
        var rows = page.Locator("table.queue tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator($"tr[data-requisition='{small.Str("number")}']")).ToContainTextAsync("No flags");
        await WorkspaceBrowser.ScreenshotAsync(page, "queue-approver");

        await page.CheckAsync($"tr[data-requisition='{small.Str("number")}'] input[name=ids]");
        await page.ClickAsync("[data-bulk-approve]");
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync(small.Str("number")!);
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-requisition", other.Str("number")!);

        var decided = await (await requester.GetAsync($"/api/requisitions/{small.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("approved", decided.Str("status"));
    }

    [Fact]
    public async Task Pages_need_a_session_and_forms_need_the_antiforgery_token()
    {
        using var client = browser.HttpClient(allowRedirects: false);
        var anonymous = await client.GetAsync(new Uri("/queue", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // A bearer token is the API's credential; the pages accept only their own session.
        var tenant = await browser.CreateTenantAsync(fixture);
        using var bearer = browser.HttpClient(allowRedirects: true);
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", tenant.TokenFor("u-david", "approver"));
        var withToken = await bearer.GetAsync(new Uri("/queue", UriKind.Relative));
        Assert.Contains("/sign-in", withToken.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        var page = await browser.SignInAsync(tenant, "u-david");
        // The session cookie alone (what a forged cross-site form would carry) is refused without the form's token.
        var form = page.APIRequest.CreateFormData();
        form.Set("ids", Guid.NewGuid().ToString());
        var forged = await page.APIRequest.PostAsync("/queue?handler=BulkApprove", new APIRequestContextOptions { Form = form });
        Assert.Equal(400, forged.Status);
    }

    [Fact]
    public async Task A_flagged_item_is_shown_with_its_reason_and_is_never_bulk_approved()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var flagged = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(2500));
        await tenant.Agent().PostAsync(RecommendationApi.Hold(flagged.Id(), reason: "probable duplicate of REQ-000099"));

        var page = await browser.SignInAsync(tenant, "u-david");
        var row = page.Locator($"tr[data-requisition='{flagged.Str("number")}']");
        await Assertions.Expect(row).ToContainTextAsync("probable duplicate of REQ-000099");
        await Assertions.Expect(row.Locator("input[name=ids]")).ToHaveCountAsync(0);

        // A hand-made post naming the flagged item (the page offers no checkbox for it) is refused item by item.
        await page.EvaluateAsync($$"""
            () => { const f = document.getElementById('bulk'); const i = document.createElement('input');
                    i.type = 'hidden'; i.name = 'ids'; i.value = '{{flagged.Id()}}'; f.appendChild(i); }
            """);
        await page.ClickAsync("[data-bulk-approve]");
        await Assertions.Expect(page.Locator(".flash.error")).ToContainTextAsync("flagged");
        var stored = await (await tenant.As("u-anna").GetAsync($"/api/requisitions/{flagged.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("pending_approval", stored.Str("status"));
    }

    [Fact]
    public async Task The_queue_shows_only_the_own_tenants_requisitions()
    {
        var mine = await browser.CreateTenantAsync(fixture);
        var theirs = await browser.CreateTenantAsync(fixture);
        var own = await mine.As("u-anna").SubmitAsync(TestApi.Requisition(1300));
        var foreign = await theirs.As("u-anna").SubmitAsync(TestApi.Requisition(1300));

        var page = await browser.SignInAsync(mine, "u-david");
        await Assertions.Expect(page.Locator("table.queue tbody tr")).ToHaveCountAsync(1);
        Assert.Contains(own.Id().ToString(), await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.Id().ToString(), await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_reads_on_a_phone_and_is_reachable_by_keyboard()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(1400));
        var page = await browser.SignInAsync(tenant, "u-david", width: 390, height: 844);
        await Assertions.Expect(page.Locator($"tr[data-requisition='{req.Str("number")}']")).ToBeVisibleAsync();
        // Nothing forces sideways scrolling of the page itself at phone width.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await WorkspaceBrowser.ScreenshotAsync(page, "queue-approver-phone");

        // The first Tab reaches the skip link; following it and tabbing on reaches the requisition's link.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        for (var i = 0; i < 12 && await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()") != req.Str("number"); i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal(req.Str("number"), await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
    }
}
