using System.Net;
using System.Text.Json;
using AiGovernance.Api.Tests.FollowUp;
using AiGovernance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

[Collection(ApiCollection.Name)]
public sealed class FollowUpPageTests(ApiFixture fixture, FollowUpBrowser browser) : IClassFixture<FollowUpBrowser>
{
    [Fact]
    public async Task Ops_accepts_a_follow_up_draft_and_it_is_sent_once()
    {
        var (tenant, req, draftId) = await DraftAsync();
        var page = await browser.SignInAsync(tenant, "u-felix");
        await page.GotoAsync("/follow-ups");
        var card = page.Locator($"article[data-draft='{draftId}']");
        await Assertions.Expect(card).ToContainTextAsync("anna.weber@demo.example");
        await Assertions.Expect(card).ToContainTextAsync(req.Number()!);
        await Assertions.Expect(card.Locator("pre.body")).ToContainTextAsync("quote", new() { IgnoreCase = true });
        await WorkspaceBrowser.ScreenshotAsync(page, "follow-ups-drafts");

        var edited = $"Hello Anna, please upload the signed quote for {req.Number()} by Friday.";
        await card.Locator("summary", new() { HasText = "Edit before sending" }).ClickAsync();
        await card.GetByLabel("Body").FillAsync(edited);
        await card.GetByLabel("Why the change").FillAsync("shorter and with a deadline");
        // Kept to post the same decision again later, as a double click or a resent form would.
        var form = card.Locator("form[action*='handler=Edit']");
        var token = await form.Locator("input[name=__RequestVerificationToken]").InputValueAsync();
        await card.Locator("[data-edit]").ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("Edited draft accepted");
        await Assertions.Expect(page.Locator($"tr[data-sent='{draftId}'] [data-delivery]")).ToHaveTextAsync("pending");

        await tenant.RunJobsAsync();
        await tenant.RunJobsAsync();
        var mail = Assert.Single(MailAbout(req));
        Assert.Equal(["anna.weber@demo.example"], mail.To);
        Assert.Contains(edited, Unfold(mail.Data), StringComparison.Ordinal);

        // Reloading shows it sent with its time; posting the same decision again is refused and sends nothing.
        await page.ReloadAsync();
        var row = page.Locator($"tr[data-sent='{draftId}']");
        await Assertions.Expect(row.Locator("[data-delivery]")).ToHaveTextAsync("sent");
        await Assertions.Expect(row.Locator("[data-sent-at]")).ToContainTextAsync(browser.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await WorkspaceBrowser.ScreenshotAsync(page, "follow-ups-sent");
        var again = page.APIRequest.CreateFormData();
        again.Set("id", draftId);
        again.Set("subject", "again");
        again.Set("body", edited);
        again.Set("reason", "double click");
        again.Set("__RequestVerificationToken", token);
        var repost = await page.APIRequest.PostAsync("/follow-ups?handler=Edit", new() { Form = again });
        Assert.Contains("only pending recommendations take decisions", await repost.TextAsync(), StringComparison.Ordinal);
        await tenant.RunJobsAsync();
        Assert.Single(MailAbout(req));
    }

    [Fact]
    public async Task A_rejected_draft_is_never_sent_and_shows_its_reason()
    {
        var (tenant, req, draftId) = await DraftAsync();
        var page = await browser.SignInAsync(tenant, "u-felix", 390, 844);
        await page.GotoAsync("/follow-ups");
        var card = page.Locator($"article[data-draft='{draftId}']");
        await Assertions.Expect(card).ToContainTextAsync(req.Number());
        await WorkspaceBrowser.ScreenshotAsync(page, "follow-ups-draft-390");

        await card.Locator("summary", new() { HasText = "Reject" }).ClickAsync();
        await card.Locator("[data-reject]").ClickAsync();
        // The browser asks for the required reason before anything is posted.
        await Assertions.Expect(card).ToBeVisibleAsync();
        await card.GetByLabel("Reason").FillAsync("quote already received by phone");
        await card.Locator("[data-reject]").ClickAsync();

        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("will not be sent");
        await Assertions.Expect(page.Locator($"tr[data-rejected='{draftId}']")).ToContainTextAsync("quote already received by phone");
        await Assertions.Expect(page.Locator("article[data-draft]")).ToHaveCountAsync(0);
        await WorkspaceBrowser.ScreenshotAsync(page, "follow-ups-rejected-390");
        await tenant.RunJobsAsync();
        Assert.Empty(MailAbout(req));
        var rec = await (await tenant.As("u-grace").GetAsync($"/api/recommendations/{draftId}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("rejected", "u-felix"), (rec.Str("status"), rec.Str("decided_by")));
    }

    [Fact]
    public async Task An_approver_may_not_open_the_follow_ups()
    {
        var (tenant, _, draftId) = await DraftAsync();
        var page = await browser.SignInAsync(tenant, "u-david");
        await Assertions.Expect(page.Locator("header nav")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header nav a[href='/follow-ups']")).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/follow-ups");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("[data-problem-code]")).ToHaveTextAsync("role_required");
        Assert.Equal(0, await page.Locator($"[data-draft='{draftId}']").CountAsync());
    }

    /// <summary>A requisition over the quote threshold without a supplier contact: the agent drafts a quote request to the requester.</summary>
    private async Task<(TestTenant Tenant, JsonElement Requisition, string DraftId)> DraftAsync()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var req = await tenant.As("u-anna").SubmitAsync(AgentTestHost.Requisition(browser.Clock, 6000m));
        await tenant.RunJobsAsync();
        var drafts = (await (await tenant.As("u-grace").GetAsync($"/api/recommendations?status=pending&kind=followup.message&subject={req.Id()}"))
            .ReadAsync(HttpStatusCode.OK)).Items().ToList();
        return (tenant, req, Assert.Single(drafts).Str("id")!);
    }

    private IEnumerable<SmtpStubServer.Mail> MailAbout(JsonElement req) =>
        browser.Smtp.Received.Where(m => m.Data.Contains(req.Number()!, StringComparison.Ordinal));

    /// <summary>Undoes header/line folding so a sentence can be found in the raw message.</summary>
    private static string Unfold(string data) => data.Replace("=\r\n", "", StringComparison.Ordinal).Replace("\r\n", " ", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);
}
