using AiGovernance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

[Collection(ApiCollection.Name)]
public sealed class OperationsPageTests(ApiFixture fixture, WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>
{
    [Fact]
    public async Task Procurement_ops_sees_charts_and_the_time_range_changes_the_figures()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var anna = tenant.As("u-anna");
        var recent = await anna.SubmitAsync(TestApi.Requisition(1200));
        var older = await anna.SubmitAsync(TestApi.Requisition(1400));
        (await tenant.As("u-david").DecideAsync(recent, "approve", 0)).EnsureSuccessStatusCode();
        await using (var scope = await tenant.OwnerScopeAsync())
        {
            await using var cmd = scope.Command("UPDATE requisitions SET created_at = now() - interval '20 days' WHERE id = $1");
            cmd.Parameters.AddWithValue(older.Id());
            await cmd.ExecuteNonQueryAsync();
            await scope.CommitAsync();
        }

        var page = await browser.SignInAsync(tenant, "u-felix");
        await page.GotoAsync("/operations?range=7");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Operations");
        await Assertions.Expect(page.Locator("[data-kpi=submitted]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("svg.chart title").First).ToHaveTextAsync("Pending steps by time waiting");
        Assert.True(await page.Locator("svg.chart").CountAsync() >= 6);
        Assert.Contains("u-david", await page.Locator("figure[data-fast-seconds] svg").GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-drift=duplicate]")).ToBeVisibleAsync();

        await page.SelectOptionAsync("select[name=range]", "30");
        await page.ClickAsync("form.filters button[type=submit]");
        await Assertions.Expect(page.Locator("[data-kpi=submitted]")).ToHaveTextAsync("2");
        await WorkspaceBrowser.ScreenshotAsync(page, "operations-1280");

        var today = DateTime.UtcNow.Date;
        await page.GotoAsync($"/operations?range=custom&from={today.AddDays(-25):yyyy-MM-dd}&to={today.AddDays(-15):yyyy-MM-dd}");
        await Assertions.Expect(page.Locator("[data-kpi=submitted]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-kpi=touchless]")).ToHaveTextAsync("–");

        var phone = await browser.SignInAsync(tenant, "u-felix", 390, 844);
        await phone.GotoAsync("/operations?range=30");
        await Assertions.Expect(phone.Locator("[data-kpi=submitted]")).ToHaveTextAsync("2");
        await WorkspaceBrowser.ScreenshotAsync(phone, "operations-390");
        var wide = await phone.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
                .map(e => e.tagName + '.' + e.className).slice(0, 5)
            """);
        Assert.True(wide.Length == 0, "wider than a phone's screen: " + string.Join(", ", wide));
    }

    [Fact]
    public async Task Live_scores_unlike_training_show_a_drift_alert_badge()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        using var anna = tenant.As("u-anna");
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++) ids.Add((await anna.SubmitAsync(TestApi.Requisition(1200 + i))).Id());
        await using (var scope = await tenant.OwnerScopeAsync())
        {
            // The shipped duplicate model scored 70 % of its evaluation pairs below 0.001; here every requisition scores 0.97.
            await using var cmd = scope.Command("""
                INSERT INTO detection_results (requisition_id, tenant_id, detector, model_version, score, flagged, details, input_hash, scored_at)
                SELECT id, tenant_id, 'duplicate', 'test', 0.97, true, '{}', 'sha256:x', now() FROM requisitions WHERE id = ANY($1)
                """);
            cmd.Parameters.AddWithValue(ids.ToArray());
            Assert.Equal(60, await cmd.ExecuteNonQueryAsync());
            await scope.CommitAsync();
        }

        var page = await browser.SignInAsync(tenant, "u-ivan");
        await page.GotoAsync("/operations");
        await Assertions.Expect(page.Locator("[data-drift=duplicate] [data-drift-alert]")).ToHaveTextAsync("drift alert");
        Assert.True(double.Parse((await page.Locator("[data-drift=duplicate] [data-psi=score]").InnerTextAsync()), System.Globalization.CultureInfo.InvariantCulture) >= 0.2);
        // No price scores live: that score has no PSI (its unit-price feature, 1,200 against training prices of a few euros, alerts too).
        await Assertions.Expect(page.Locator("[data-drift=price-variance] [data-psi=score]")).ToHaveTextAsync("–");
        await page.Locator("section.drift").ScrollIntoViewIfNeededAsync();
        await WorkspaceBrowser.ScreenshotAsync(page, "operations-drift-alert");
    }

    [Fact]
    public async Task An_approver_is_refused_and_a_reversed_custom_range_is_a_problem()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var approver = await browser.SignInAsync(tenant, "u-david");
        var refused = await approver.GotoAsync("/operations");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(approver.Locator("[data-problem-code]")).ToHaveTextAsync("role_required");

        var ops = await browser.SignInAsync(tenant, "u-hannah");
        var reversed = await ops.GotoAsync("/operations?range=custom&from=2026-03-10&to=2026-03-01");
        Assert.Equal(422, reversed!.Status);
    }
}
