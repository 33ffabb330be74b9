using System.Net;
using AiGovernance.Api.Tests.Infrastructure;
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
}
