using AiGovernance.Api.Tests.Detection;
using AiGovernance.Api.Tests.Exceptions;
using AiGovernance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

/// <summary>A category suggestion on the requisition page: the sentence, the model's reasons and both chains, readable as text.</summary>
[Collection(ApiCollection.Name)]
public sealed class CategorySuggestionPageTests(ApiFixture fixture, WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>
{
    [Fact]
    public async Task The_verdict_card_shows_the_sentence_the_reasons_and_both_chains_to_procurement()
    {
        var tenant = await browser.CreateTenantAsync(fixture, CategorySuggestionTests.PolicyWithDiagnosticsReview);
        var body = DetectionTestHost.Requisition("sup-orgenics-ltd", CategorySuggestionTests.TestKit, 1, 3000m, item: "ITM-CAT");
        body["category"] = "Pharmaceuticals-ARV";
        var req = await tenant.As("u-anna").SubmitAsync(body);
        await tenant.RunJobsAsync();

        var page = await browser.SignInAsync(tenant, "u-felix");
        await page.GotoAsync($"/requisitions/{req.Id()}");
        var card = page.Locator("[data-kind='requisition.category']");
        await Assertions.Expect(card.Locator("h3")).ToContainTextAsync("which looks like 'Diagnostics-HIV'");
        await Assertions.Expect(card).ToContainTextAsync("supplier 'Orgenics, Ltd' was coded 'Diagnostics-HIV'");
        await Assertions.Expect(card).ToContainTextAsync("now, as 'Pharmaceuticals-ARV': owner-approval: user u-david");
        await Assertions.Expect(card).ToContainTextAsync("as 'Diagnostics-HIV': owner-approval: user u-david → diagnostics-quality-review: role procurement_ops");
        await Assertions.Expect(card.Locator("form.decide-rec")).ToHaveCountAsync(1); // procurement_ops may decide this kind
        await WorkspaceBrowser.ScreenshotAsync(page, "requisition-category-suggestion");
    }
}
