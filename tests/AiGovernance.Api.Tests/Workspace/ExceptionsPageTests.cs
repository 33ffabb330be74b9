using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Recommendations;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

[Collection(ApiCollection.Name)]
public sealed class ExceptionsPageTests(ApiFixture fixture, WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>
{
    [Fact]
    public async Task Ops_triages_the_ranked_inbox_takes_dismisses_and_clears_a_low_risk_group_at_once()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var anna = tenant.As("u-anna");
        var big = await anna.SubmitAsync(TestApi.Requisition(48_000));
        var small = await anna.SubmitAsync(TestApi.Requisition(300));
        await tenant.Agent().PostAsync(RecommendationApi.Hold(big.Id(), inputHash: "sha256:big", reason: "probable duplicate of REQ-000777"));
        await tenant.Agent().PostAsync(RecommendationApi.Hold(small.Id(), inputHash: "sha256:small", reason: "probable duplicate of REQ-000778"));
        foreach (var (req, i) in new[] { (small, 1), (small, 2) })
        {
            var weak = RecommendationApi.Hold(req.Id(), inputHash: $"sha256:weak-{i}", reason: $"weak signal {i}");
            weak["confidence"] = 0.1;
            weak["producer"] = new JsonObject { ["name"] = "experimental-scanner", ["model_version"] = "x-1" };
            await tenant.Agent().PostAsync(weak);
        }
        await tenant.ProjectExceptionsAsync();

        var page = await browser.SignInAsync(tenant, "u-felix");
        await page.ClickAsync("nav >> text=Exceptions");
        var duplicates = page.Locator("section[data-type='probable_duplicate'] li.exception");
        await Assertions.Expect(duplicates).ToHaveCountAsync(2);
        // The larger amount at risk ranks first, and the page says why.
        await Assertions.Expect(duplicates.First).ToContainTextAsync("REQ-000777");
        await Assertions.Expect(duplicates.First).ToContainTextAsync("48,000 at risk");
        await WorkspaceBrowser.ScreenshotAsync(page, "exceptions-inbox");

        var first = duplicates.First;
        await first.Locator("button:has-text('Take it')").ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("Assigned to you");
        await Assertions.Expect(duplicates.First).ToContainTextAsync("assigned to u-felix");

        var second = page.Locator("section[data-type='probable_duplicate'] li.exception").Nth(1);
        await second.Locator("input[name=reason][placeholder^='why']").FillAsync("a re-order the supplier confirmed");
        await second.Locator("button:has-text('Dismiss')").ClickAsync();
        await Assertions.Expect(page.Locator("section[data-type='probable_duplicate'] li.exception")).ToHaveCountAsync(1);

        var weakGroup = page.Locator("section[data-type='ai_flag']");
        await Assertions.Expect(weakGroup.Locator("li.exception")).ToHaveCountAsync(2);
        await weakGroup.Locator("form.bulk-dismiss input[name=reason]").FillAsync("experimental scanner, not in use yet");
        await weakGroup.Locator("form.bulk-dismiss button").ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("Dismissed 2 low-risk exceptions");
        await Assertions.Expect(page.Locator("section[data-type='ai_flag']")).ToHaveCountAsync(0);

        var dismissed = await (await tenant.As("u-felix").GetAsync("/api/exceptions?status=dismissed")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(3, dismissed.GetArrayLength());
        Assert.All(dismissed.Items(), e => Assert.Equal("u-felix", e.Str("decided_by")));

        var phone = await browser.SignInAsync(tenant, "u-felix", width: 390, height: 844);
        await phone.GotoAsync("/exceptions");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await WorkspaceBrowser.ScreenshotAsync(phone, "exceptions-inbox-phone");
    }

    [Fact]
    public async Task An_approver_cannot_open_the_inbox()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var page = await browser.SignInAsync(tenant, "u-david");
        var response = await page.GotoAsync("/exceptions");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("[data-problem-code]")).ToHaveTextAsync("role_required");
    }
}
