using System.Net;
using System.Text;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Data.Seed;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

[Collection(ApiCollection.Name)]
public sealed class AdminPolicyPageTests(ApiFixture fixture, WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>
{
    private const string InvalidPolicy = """
        policy: broken
        base_currency: euro
        rules:
          - id: Base
            when: { amount: { gte: 500, lte: 100 } }
            steps:
              - { name: x, mode: parallel, quorum: 3, approvers: [ { role: approver } ] }
        """;

    /// <summary>The default policy with procurement's authority raised: valid, and a two-line change.</summary>
    private static string ChangedPolicy() =>
        SeedResources.DefaultPolicyYaml.Replace("  procurement_ops: 50000", "  procurement_ops: 60000", StringComparison.Ordinal);

    [Fact]
    public async Task Admin_sees_line_numbered_errors_for_an_invalid_policy_then_diffs_and_activates_a_changed_one()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var page = await browser.SignInAsync(tenant, "u-julia");
        await page.GotoAsync("/admin");
        await WorkspaceBrowser.ScreenshotAsync(page, "admin-index");
        await page.ClickAsync("a[href='/admin/policies']");
        await Assertions.Expect(page.Locator("[data-active-version]")).ToHaveAttributeAsync("data-active-version", "1");

        await page.FillAsync("#yaml", InvalidPolicy);
        await page.ClickAsync("[data-check]");
        var errors = page.Locator("[data-policy-errors]");
        await Assertions.Expect(errors).ToContainTextAsync("Not valid");
        await Assertions.Expect(errors.Locator("tr[data-line='2']")).ToContainTextAsync("base_currency");
        Assert.True(await errors.Locator("tbody tr").CountAsync() >= 3);
        await Assertions.Expect(page.Locator("[data-activate]")).ToHaveCountAsync(0);
        await WorkspaceBrowser.ScreenshotAsync(page, "admin-policy-errors");

        await page.FillAsync("#yaml", ChangedPolicy());
        await page.ClickAsync("[data-check]");
        var diff = page.Locator("[data-policy-diff]");
        await Assertions.Expect(diff).ToContainTextAsync("1 added, 1 removed");
        await Assertions.Expect(diff.Locator("tr.removed")).ToContainTextAsync("procurement_ops: 50000");
        await Assertions.Expect(diff.Locator("tr.added")).ToContainTextAsync("procurement_ops: 60000");
        await Assertions.Expect(diff.Locator("tr.skipped").First).ToContainTextAsync("unchanged lines");
        await WorkspaceBrowser.ScreenshotAsync(page, "admin-policy-diff");

        await page.ClickAsync("[data-activate]");
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("Policy version 2");
        await Assertions.Expect(page.Locator("[data-active-version]")).ToContainTextAsync("by u-julia");

        using var julia = tenant.As("u-julia");
        var versions = (await (await julia.GetAsync("/api/policies")).ReadAsync(HttpStatusCode.OK)).Items().ToList();
        Assert.Equal(2, versions.Count); // the invalid policy was never stored
        Assert.True(Assert.Single(versions, v => v.GetProperty("is_active").GetBoolean()).GetProperty("version").GetInt32() == 2);
        var activated = (await tenant.As("u-hannah").DecisionLogAsync("?kind=policy_activated")).Items().Last(); // the first: the tenant's set-up
        Assert.Equal(("u-julia", "2"), (activated.Str("actor"), activated.Str("subject_id")));
        Assert.Equal(1, activated.GetProperty("payload").GetProperty("previous_version").GetInt32());
    }

    [Fact]
    public async Task Activating_is_refused_when_the_active_policy_changed_after_the_diff_was_shown()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var page = await browser.SignInAsync(tenant, "u-julia");
        await page.GotoAsync("/admin/policies");
        await page.FillAsync("#yaml", ChangedPolicy());
        await page.ClickAsync("[data-check]");
        await Assertions.Expect(page.Locator("[data-policy-diff]")).ToContainTextAsync("against active version 1", new() { IgnoreCase = true });

        // Another admin activates a different version through the API while the diff is on screen.
        using var julia = tenant.As("u-julia");
        using var content = new StringContent(SeedResources.DefaultPolicyYaml.Replace("policy: default-approvals", "policy: other-admin", StringComparison.Ordinal),
            Encoding.UTF8, "application/yaml");
        var uploaded = await (await julia.PostAsync(TestApi.Url("/api/policies"), content)).ReadAsync(HttpStatusCode.Created);
        var other = uploaded.GetProperty("version").GetInt32();
        (await julia.PostAsync(TestApi.Url($"/api/policies/{other}/activate"), null)).EnsureSuccessStatusCode();

        await page.ClickAsync("[data-activate]");
        await Assertions.Expect(page.Locator(".flash.error")).ToContainTextAsync("changed since the comparison was shown");
        var versions = (await (await julia.GetAsync("/api/policies")).ReadAsync(HttpStatusCode.OK)).Items().ToList();
        Assert.Equal(other, Assert.Single(versions, v => v.GetProperty("is_active").GetBoolean()).GetProperty("version").GetInt32());
        Assert.Equal(2, versions.Count); // the refused activation stored nothing either
    }

    [Fact]
    public async Task Empty_non_yaml_and_too_large_input_get_a_clear_message()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var page = await browser.SignInAsync(tenant, "u-julia", 390, 844);
        await page.GotoAsync("/admin/policies");

        await page.ClickAsync("[data-check]");
        await Assertions.Expect(page.Locator("[data-input-error]")).ToContainTextAsync("nothing to check");

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "quote.pdf", MimeType = "application/pdf",
            Buffer = [.. "%PDF-1.7\n"u8.ToArray(), 0x00, 0x01, 0xE2, 0xE3, 0xCF, 0xD3] });
        await page.ClickAsync("[data-check]");
        await Assertions.Expect(page.Locator("[data-input-error]")).ToContainTextAsync("is not a text file");

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "big.yaml", MimeType = "text/yaml",
            Buffer = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("# padding line of a policy that is far too long\n", 25_000))) });
        await page.ClickAsync("[data-check]");
        await Assertions.Expect(page.Locator("[data-input-error]")).ToContainTextAsync("the limit is");

        await page.FillAsync("#yaml", "just: [unclosed");
        await page.ClickAsync("[data-check]");
        await Assertions.Expect(page.Locator("[data-policy-errors]")).ToContainTextAsync("invalid YAML");
        await WorkspaceBrowser.ScreenshotAsync(page, "admin-policy-errors-390");
    }
}
