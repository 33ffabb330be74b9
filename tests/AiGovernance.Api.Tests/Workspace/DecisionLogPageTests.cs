using System.Net;
using System.Text.Json;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Data.DecisionLog;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

[Collection(ApiCollection.Name)]
public sealed class DecisionLogPageTests(ApiFixture fixture, WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>
{
    [Fact]
    public async Task Compliance_filters_the_log_verifies_the_chain_and_exports()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var (approved, rejected) = await SomeDecisionsAsync(tenant);

        var page = await browser.SignInAsync(tenant, "u-hannah");
        await page.ClickAsync("nav >> text=Decision log");
        Assert.EndsWith("/decision-log", page.Url, StringComparison.Ordinal);
        var rows = page.Locator("table.log tbody tr");
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-kind", "human_decision"); // newest first
        await WorkspaceBrowser.ScreenshotAsync(page, "decision-log-all");

        await page.SelectOptionAsync("select[name=kind]", "human_decision");
        // The filters apply on change (workspace.js); wait for that page before typing into it.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kind=human_decision"));
        await page.GetByLabel("Requisition", new() { Exact = true }).FillAsync(approved.Number());
        await page.ClickAsync("form.filters button[type=submit]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(approved.Number());
        await WorkspaceBrowser.ScreenshotAsync(page, "decision-log-filtered");

        // The requisition's id finds the same entries as its number.
        await page.GotoAsync($"/decision-log?kind=human_decision&requisition={rejected.Id()}");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(rejected.Number());
        await page.GoBackAsync();

        await rows.First.Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("human_decision");
        await Assertions.Expect(page.Locator("[data-fact=decision]")).ToHaveTextAsync("approve");
        await Assertions.Expect(page.Locator("[data-fact=reason]")).ToHaveTextAsync("fits the budget, quote attached");
        await Assertions.Expect(page.Locator("[data-content-check]")).ToHaveAttributeAsync("data-content-check", "ok");
        Assert.Matches("^[0-9a-f]{64}$", await page.Locator("[data-hash]").InnerTextAsync());
        await WorkspaceBrowser.ScreenshotAsync(page, "decision-log-entry");

        await page.GoBackAsync();
        await page.ClickAsync("[data-verify]");
        await Assertions.Expect(page.Locator("[data-chain-valid]")).ToHaveAttributeAsync("data-chain-valid", "true");
        var all = (await tenant.As("u-hannah").DecisionLogAsync("?limit=1000")).Items().Count();
        await Assertions.Expect(page.Locator("[data-chain-valid]")).ToContainTextAsync($"All {all} entries");
        await Assertions.Expect(rows).ToHaveCountAsync(1); // the filters survive the verification
        await WorkspaceBrowser.ScreenshotAsync(page, "decision-log-verified");

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-export=csv]"));
        Assert.Equal("decision-log.csv", csv.SuggestedFilename);
        var csvLines = (await File.ReadAllLinesAsync((await csv.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.Equal(DecisionLogExport.CsvHeader, csvLines[0]);
        var csvRow = Assert.Single(csvLines.Skip(1));
        Assert.Contains($",human_decision,u-david,,requisition,{approved.Number()},", csvRow, StringComparison.Ordinal);

        var jsonl = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-export=jsonl]"));
        Assert.Equal("decision-log.jsonl", jsonl.SuggestedFilename);
        var line = Assert.Single(await File.ReadAllLinesAsync((await jsonl.PathAsync())!), l => l.Length > 0);
        using var entry = JsonDocument.Parse(line);
        Assert.Equal(("human_decision", approved.Number()), (entry.RootElement.Str("kind"), entry.RootElement.Str("subject_id")));
        Assert.Equal("approve", entry.RootElement.GetProperty("payload").Str("decision"));
    }

    [Fact]
    public async Task A_tampered_chain_is_shown_broken_at_the_altered_entry()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var (approved, _) = await SomeDecisionsAsync(tenant);
        var decision = Assert.Single((await tenant.As("u-hannah").DecisionLogAsync($"?kind=human_decision&requisition={approved.Number()}")).Items());
        var seq = decision.GetProperty("seq").GetInt64();
        await DecisionLogTampering.TamperAsync(fixture, seq);

        var page = await browser.SignInAsync(tenant, "u-hannah", 390, 844);
        await page.GotoAsync("/decision-log");
        await page.ClickAsync("[data-verify]");
        var verdict = page.Locator("[data-chain-valid]");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-chain-valid", "false");
        await Assertions.Expect(verdict.Locator("[data-broken-seq]")).ToHaveTextAsync(seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(verdict).ToContainTextAsync("was altered");
        await WorkspaceBrowser.ScreenshotAsync(page, "decision-log-broken-390");

        await verdict.Locator("[data-broken-seq]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-content-check]")).ToHaveAttributeAsync("data-content-check", "altered");
        await Assertions.Expect(page.Locator("[data-payload]")).ToContainTextAsync("tampered");
    }

    [Fact]
    public async Task An_approver_may_not_read_or_export_the_log_and_entries_stay_in_their_tenant()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var other = await browser.CreateTenantAsync(fixture);
        var (approved, _) = await SomeDecisionsAsync(other);
        var foreign = Assert.Single((await other.As("u-hannah").DecisionLogAsync($"?kind=human_decision&requisition={approved.Number()}")).Items());

        var david = await browser.SignInAsync(tenant, "u-david");
        foreach (var path in new[] { "/decision-log", "/decision-log/1", "/decision-log?handler=Export&format=csv" })
        {
            var response = await david.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(david.Locator("[data-problem-code]")).ToHaveTextAsync("role_required");
        }

        // Compliance of another tenant: the entry's sequence number reads as missing, not as someone else's entry.
        var hannah = await browser.SignInAsync(tenant, "u-hannah");
        var missing = await hannah.GotoAsync($"/decision-log/{foreign.GetProperty("seq").GetInt64()}");
        Assert.Equal(404, missing!.Status);
        var badDate = await hannah.GotoAsync("/decision-log?from=yesterday");
        Assert.Equal(200, badDate!.Status);
        await Assertions.Expect(hannah.Locator("p.flash.error")).ToContainTextAsync("From 'yesterday' is not a date");
        Assert.Equal((int)HttpStatusCode.UnprocessableEntity, (await hannah.GotoAsync("/decision-log?handler=Export&format=xml"))!.Status);
    }

    /// <summary>u-david approves one requisition with a comment and rejects another.</summary>
    private static async Task<(JsonElement Approved, JsonElement Rejected)> SomeDecisionsAsync(TestTenant tenant)
    {
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        var first = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var second = await anna.SubmitAsync(TestApi.Requisition(2_000m));
        (await david.DecideAsync(first, "approve", 0, "fits the budget, quote attached")).EnsureSuccessStatusCode();
        (await david.DecideAsync(second, "reject", 0, "no budget left")).EnsureSuccessStatusCode();
        return (first, second);
    }
}
