using System.Net;
using System.Text.Json;
using AiGovernance.Api.Tests.Detection;
using AiGovernance.Api.Tests.Documents;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Recommendations;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

/// <summary>The main journey: a probable duplicate with a supplier invoice, decided by the cost-centre owner from the queue.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequisitionPageTests(ApiFixture fixture, WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>
{
    private const string Supplier = "sup-trinity-biotech-plc";

    [Fact]
    public async Task Approver_opens_a_flagged_duplicate_from_the_queue_reads_the_evidence_rejects_the_hold_and_approves()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        // Holds are decided by reviewers (RecommendationDeciders); in this tenant David, the cost-centre owner, also reviews.
        await GrantAsync(tenant, "u-david", "reviewer");
        var (first, second, document) = await DuplicateWithInvoiceAsync(tenant);
        var hold = Assert.Single(await PendingAsync(tenant, second), r => r.GetProperty("producer").Str("name") == "duplicate-detector");
        var summaryLine = document.GetProperty("summary").GetProperty("sentences")[0].Str("text")!;

        var page = await browser.SignInAsync(tenant, "u-david");
        var row = page.Locator($"tr[data-requisition='{second.Number()}']");
        await Assertions.Expect(row.Locator(".flag.high").First).ToContainTextAsync("Duplicate p =");
        await Assertions.Expect(row.Locator("td.summary")).ToHaveTextAsync(summaryLine);
        await WorkspaceBrowser.ScreenshotAsync(page, "requisition-1-queue-flagged");

        await row.Locator($"a[href='/requisitions/{second.Id()}']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(second.Number());
        var sentences = page.Locator("[data-summary] a[data-page]");
        await Assertions.Expect(sentences.First).ToHaveTextAsync(summaryLine);
        await Assertions.Expect(sentences.First).ToHaveAttributeAsync("href", $"/documents/{document.Str("id")}/pages/1");
        var sideBySide = page.Locator("table[data-side-by-side]");
        await Assertions.Expect(sideBySide.Locator("caption")).ToContainTextAsync(first.Number());
        foreach (var field in new[] { "Supplier", "Supplier reference", "Amount", "Cost centre", "Requester" })
            await Assertions.Expect(sideBySide.Locator($"tr[data-field='{field}'] td.match")).ToHaveCountAsync(2);
        await Assertions.Expect(sideBySide.Locator("tr[data-field='Lines'] td.match")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-flag='duplicate'] .matches")).ToContainTextAsync(first.Number());
        await Assertions.Expect(page.Locator("[data-flag='document-cross-check']")).ToContainTextAsync("netpresse.pdf");
        await Assertions.Expect(page.Locator("[data-next-approvers]")).ToContainTextAsync("u-david");
        await WorkspaceBrowser.ScreenshotAsync(page, "requisition-2-page");
        await PhoneScreenshotAsync(tenant, second);

        await sentences.First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-page-text]")).ToContainTextAsync("NETPRESSE");
        await WorkspaceBrowser.ScreenshotAsync(page, "requisition-3-document-page");
        await page.GoBackAsync();

        const string reason = "Second delivery of the standing order, confirmed with the requester";
        var card = page.Locator($"article[data-recommendation='{hold.Str("id")}']");
        await card.Locator("textarea[name=reason]").FillAsync(reason);
        await card.Locator("button[value=reject]").ClickAsync();
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("Recommendation rejected");
        await Assertions.Expect(page.Locator($"table.decided tr[data-recommendation='{hold.Str("id")}'] [data-outcome]")).ToHaveTextAsync("rejected");
        await WorkspaceBrowser.ScreenshotAsync(page, "requisition-4-hold-rejected");

        await page.Locator("#decide button[value=approve]").ClickAsync();
        await page.WaitForURLAsync("**/queue");
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync($"Approved {second.Number()}");
        await Assertions.Expect(page.Locator($"tr[data-requisition='{second.Number()}']")).ToHaveCountAsync(0);
        await WorkspaceBrowser.ScreenshotAsync(page, "requisition-5-queue-after-approval");

        var decided = await tenant.As("u-grace").GetRecommendationAsync(hold);
        Assert.Equal(("rejected", reason, "u-david"), (decided.Str("status"), decided.Str("decision_reason"), decided.Str("decided_by")));
        var after = await tenant.As("u-anna").GetRequisitionAsync(second);
        var owner = after.GetProperty("steps")[0].GetProperty("approvers")[0];
        Assert.Equal(("approved", "u-david"), (owner.Str("status"), owner.Str("decided_by")));
        var log = await tenant.As("u-hannah").DecisionLogAsync("?kind=human_decision");
        Assert.Contains(log.Items(), e => e.Str("subject_id") == second.Number() && e.Str("actor") == "u-david"
            && e.GetProperty("payload").Str("decision") == "approve");
    }

    /// <summary>Anna submits a purchase, then the same purchase reworded with its invoice reference re-keyed, and attaches the supplier's invoice to it.</summary>
    internal static async Task<(JsonElement First, JsonElement Second, JsonElement Document)> DuplicateWithInvoiceAsync(TestTenant tenant)
    {
        using var anna = tenant.As("u-anna");
        var first = await anna.SubmitAsync(DetectionTestHost.Requisition(Supplier, "Uni-Gold HIV rapid test kits, 20 tests per kit", 120, 31.40m,
            reference: "INV-2026-00417"));
        await tenant.RunJobsAsync();
        var second = await anna.SubmitAsync(DetectionTestHost.Requisition(Supplier, "HIV rapid test kit Uni-Gold (20 tests/kit)", 120, 31.40m,
            reference: "INV202600417"));
        var uploaded = await (await anna.UploadAsync(second, SharedData.Bytes("invoice2data", "compare", "NetpresseInvoice.pdf"), "netpresse.pdf"))
            .ReadAsync(HttpStatusCode.Created);
        await tenant.RunJobsAsync();
        var detections = await (await tenant.As("u-grace").GetAsync($"/api/requisitions/{second.Id()}/detections")).ReadAsync(HttpStatusCode.OK);
        Assert.True(detections.Items().Single(d => d.Str("detector") == "duplicate").GetProperty("flagged").GetBoolean(), detections.ToString());
        var document = await (await anna.GetAsync($"/api/documents/{uploaded.Str("id")}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("processed", document.Str("status"));
        return (first, second, document);
    }

    internal static async Task<IReadOnlyList<JsonElement>> PendingAsync(TestTenant tenant, JsonElement requisition) =>
        (await (await tenant.As("u-grace").GetAsync($"/api/recommendations?status=pending&subject={requisition.Id()}")).ReadAsync(HttpStatusCode.OK))
        .Items().ToList();

    internal static async Task GrantAsync(TestTenant tenant, string userId, string role)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        await using var cmd = scope.Command("UPDATE app_users SET roles = array_append(roles, $2) WHERE id = $1");
        cmd.Parameters.AddWithValue(userId);
        cmd.Parameters.AddWithValue(role);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        await scope.CommitAsync();
    }

    private async Task PhoneScreenshotAsync(TestTenant tenant, JsonElement requisition)
    {
        var phone = await browser.SignInAsync(tenant, "u-david", width: 390, height: 844);
        await phone.GotoAsync($"/requisitions/{requisition.Id()}");
        await Assertions.Expect(phone.Locator("#decide button[value=approve]")).ToBeVisibleAsync();
        await WorkspaceBrowser.ScreenshotAsync(phone, "requisition-2-page-390px");
    }
}
