using System.Net;
using AiGovernance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

[Collection(ApiCollection.Name)]
public sealed class AdminPageTests(ApiFixture fixture, WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>
{
    [Fact]
    public async Task Admin_switches_the_duplicate_model_off_and_on_and_the_follow_up_agent_off_with_reasons()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var page = await browser.SignInAsync(tenant, "u-julia");
        await page.GotoAsync("/admin/switches");
        await Assertions.Expect(page.Locator("[data-deployment-disabled]")).ToHaveTextAsync("nothing switched off");
        var duplicate = page.Locator("[data-switch='duplicate']");
        await Assertions.Expect(duplicate.Locator("[data-state]")).ToHaveTextAsync("on");

        await duplicate.Locator("[data-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator(".flash.error")).ToContainTextAsync("reason: is required");
        await Assertions.Expect(duplicate.Locator("[data-state]")).ToHaveTextAsync("on");

        await duplicate.Locator("input[name=reason]").FillAsync("false positives on standing orders");
        await duplicate.Locator("[data-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("duplicate model switched off");
        await Assertions.Expect(duplicate.Locator("[data-state]")).ToHaveTextAsync("off");
        await Assertions.Expect(duplicate).ToContainTextAsync("by u-julia");
        await WorkspaceBrowser.ScreenshotAsync(page, "admin-switches");

        using var julia = tenant.As("u-julia");
        Assert.Equal((false, "tenant"), await ModelAsync(julia, "duplicate"));

        await duplicate.Locator("input[name=reason]").FillAsync("standing orders excluded upstream");
        await duplicate.Locator("[data-toggle]").ClickAsync();
        await Assertions.Expect(duplicate.Locator("[data-state]")).ToHaveTextAsync("on");
        Assert.Equal((true, (string?)null), await ModelAsync(julia, "duplicate"));

        var agent = page.Locator("[data-switch='agent.follow-up']");
        await agent.Locator("input[name=reason]").FillAsync("supplier complained about nudges");
        await agent.Locator("[data-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("Follow-up agent switched off");
        await Assertions.Expect(agent.Locator("[data-state]")).ToHaveTextAsync("off");
        var agents = (await (await julia.GetAsync("/api/agents")).ReadAsync(HttpStatusCode.OK)).Items().ToList();
        Assert.False(Assert.Single(agents, a => a.Str("agent") == "follow-up").GetProperty("enabled").GetBoolean());

        var logged = (await tenant.As("u-hannah").DecisionLogAsync("?kind=kill_switch_changed")).Items().ToList();
        Assert.Equal(["duplicate", "duplicate", "agent.follow-up"], logged.Select(e => e.Str("subject_id")));
        Assert.Equal("agent", logged[^1].Str("subject_type"));

        var phone = await browser.SignInAsync(tenant, "u-julia", 390, 844);
        await phone.GotoAsync("/admin/switches");
        await Assertions.Expect(phone.Locator("[data-switch='agent.follow-up'] [data-state]")).ToHaveTextAsync("off");
        await WorkspaceBrowser.ScreenshotAsync(phone, "admin-switches-390");
    }

    [Fact]
    public async Task Admin_creates_cover_for_an_approver_and_revokes_it()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var page = await browser.SignInAsync(tenant, "u-julia");
        await page.GotoAsync("/admin/delegations");
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No delegation");

        // The cycle rule and self-delegation are the API's: the page shows its refusal.
        await page.SelectOptionAsync("select[name=delegatorId]", "u-david");
        await page.SelectOptionAsync("select[name=delegateId]", "u-david");
        await page.ClickAsync("[data-create]");
        await Assertions.Expect(page.Locator(".flash.error")).ToContainTextAsync("cannot delegate to themselves");

        await page.SelectOptionAsync("select[name=delegatorId]", "u-david");
        await page.SelectOptionAsync("select[name=delegateId]", "u-esther");
        await page.FillAsync("input[name=reason]", "annual leave");
        await page.ClickAsync("[data-create]");
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("u-esther now approves for u-david");
        var row = page.Locator("tr[data-pair='u-david→u-esther']");
        await Assertions.Expect(row).ToContainTextAsync("in force");
        await WorkspaceBrowser.ScreenshotAsync(page, "admin-delegations");

        using var julia = tenant.As("u-julia");
        var open = Assert.Single((await (await julia.GetAsync("/api/delegations")).ReadAsync(HttpStatusCode.OK)).Items());
        Assert.Equal(("u-david", "u-esther", "annual leave"), (open.Str("delegator_id"), open.Str("delegate_id"), open.Str("reason")));

        await row.Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("Revoked");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.Empty((await (await julia.GetAsync("/api/delegations")).ReadAsync(HttpStatusCode.OK)).Items());
        var kinds = (await tenant.As("u-hannah").DecisionLogAsync("?actor=u-julia")).Items()
            .Where(e => e.Str("subject_type") == "delegation").Select(e => e.Str("kind")).ToList();
        Assert.Equal(["delegation_refused", "delegation_created", "delegation_revoked"], kinds);
    }

    [Fact]
    public async Task A_non_admin_gets_403_on_every_admin_page_and_their_posts_change_nothing()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var page = await browser.SignInAsync(tenant, "u-david");
        await Assertions.Expect(page.Locator("header nav a[href='/admin']")).ToHaveCountAsync(0);
        foreach (var path in new[] { "/admin", "/admin/policies", "/admin/switches", "/admin/delegations" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.Locator("[data-problem-code]")).ToHaveTextAsync("role_required");
        }

        // A post with a valid antiforgery token of their own session is still refused by role.
        await page.GotoAsync("/queue");
        var token = await page.InputValueAsync("input[name=__RequestVerificationToken] >> nth=0");
        var form = page.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        form.Set("kind", "duplicate");
        form.Set("enabled", "false");
        form.Set("reason", "not mine to switch");
        await page.APIRequest.PostAsync("/admin/switches?handler=Set", new APIRequestContextOptions { Form = form });
        Assert.Equal((true, (string?)null), await ModelAsync(tenant.As("u-julia"), "duplicate"));
        Assert.Empty((await tenant.As("u-hannah").DecisionLogAsync("?kind=kill_switch_changed")).Items());
    }

    private static async Task<(bool Enabled, string? DisabledBy)> ModelAsync(HttpClient client, string kind)
    {
        var models = (await (await client.GetAsync("/api/models")).ReadAsync(HttpStatusCode.OK)).Items();
        var m = Assert.Single(models, x => x.Str("kind") == kind);
        return (m.GetProperty("enabled").GetBoolean(), m.Str("disabled_by"));
    }
}
