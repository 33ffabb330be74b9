using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AiGovernance.Api.Tests.Workspace;

[Collection(ApiCollection.Name)]
public sealed class AdminApproverSuggestionsPageTests(ApiFixture fixture, WorkspaceBrowser browser) : IClassFixture<WorkspaceBrowser>
{
    [Fact]
    public async Task Admin_sees_a_cost_centre_without_an_owner_with_suggested_owners_and_makes_the_first_one_owner()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        using var julia = tenant.As("u-julia");
        using var anna = tenant.As("u-anna");
        using var esther = tenant.As("u-esther");
        (await julia.PutAsync(TestApi.Url("/api/cost-centres/CC-EU-DIAG/owner"), TestApi.JsonBody(new JsonObject { ["owner_id"] = "u-esther" })))
            .EnsureSuccessStatusCode();
        for (var i = 0; i < 2; i++)
        {
            var req = await anna.SubmitAsync(TestApi.Requisition(1_000m, costCentre: "CC-EU-DIAG"));
            await (await esther.DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);
        }
        await using (var scope = await tenant.OwnerScopeAsync())
        {
            await using var cmd = scope.Command("UPDATE cost_centres SET owner_id = NULL WHERE code = 'CC-EU-DIAG'");
            await cmd.ExecuteNonQueryAsync();
            await scope.CommitAsync();
        }
        var page = await browser.SignInAsync(tenant, "u-julia");

        await page.GotoAsync("/admin");
        await page.ClickAsync("a[href='/admin/cost-centres']");
        var unowned = page.Locator("[data-cost-centre='CC-EU-DIAG']");
        var first = unowned.Locator("li[data-rank='1']");
        await Assertions.Expect(first).ToHaveAttributeAsync("data-suggestion", "u-esther");
        await Assertions.Expect(first).ToContainTextAsync("approved 2 requisitions of cost centre CC-EU-DIAG in the last 90 days");
        await Assertions.Expect(first).ToContainTextAsync("holds role approver");
        await Assertions.Expect(unowned.Locator("li[data-rank]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("tr[data-code='CC-EU-DIAG'] [data-owner]")).ToHaveTextAsync("no owner");
        await WorkspaceBrowser.ScreenshotAsync(page, "admin-cost-centres");

        await first.Locator("[data-make-owner]").ClickAsync();

        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("u-esther now owns cost centre CC-EU-DIAG (suggestion 1");
        await Assertions.Expect(page.Locator("[data-unowned] .empty")).ToHaveTextAsync("Every cost centre has an owner.");
        await Assertions.Expect(page.Locator("tr[data-code='CC-EU-DIAG'] [data-owner]")).ToContainTextAsync("u-esther");
        var entry = (await tenant.As("u-hannah").DecisionLogAsync("?kind=cost_centre_owner_set")).Items().Last();
        Assert.Equal("u-julia", entry.Str("actor"));
        Assert.Equal(1, entry.GetProperty("payload").GetProperty("suggestion").GetProperty("rank").GetInt32());
        Assert.Equal("pending_approval", (await anna.SubmitAsync(TestApi.Requisition(1_000m, costCentre: "CC-EU-DIAG"))).Status());
    }

    [Fact]
    public async Task Admin_asks_for_delegates_for_an_absent_approver_and_a_suggestion_fills_in_the_form()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var page = await browser.SignInAsync(tenant, "u-julia");
        await page.GotoAsync("/admin/delegations");

        await page.SelectOptionAsync("select[name=absent]", "u-david");
        await page.ClickAsync("[data-suggest]");
        var suggestions = page.Locator("[data-suggested-delegates] li[data-rank]");
        // David holds the approver role: his peers are the other approvers, Carla and Esther.
        await Assertions.Expect(suggestions).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-suggested-delegates] li[data-suggestion='u-david']")).ToHaveCountAsync(0);
        var firstId = await suggestions.First.GetAttributeAsync("data-suggestion");
        await Assertions.Expect(suggestions.First).ToContainTextAsync("holds role approver");
        await WorkspaceBrowser.ScreenshotAsync(page, "admin-delegations-suggested");

        await suggestions.First.Locator("[data-use]").ClickAsync();
        await Assertions.Expect(page.Locator("select[name=delegatorId]")).ToHaveValueAsync("u-david");
        await Assertions.Expect(page.Locator("select[name=delegateId]")).ToHaveValueAsync(firstId!);
        await Assertions.Expect(page.Locator("[data-prefilled]")).ToContainTextAsync("suggested delegate 1 for u-david");
        await page.FillAsync("input[name=reason]", "parental leave");
        await page.ClickAsync("[data-create]");

        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync($"{firstId} now approves for u-david");
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("suggested delegate 1");
        var payload = (await tenant.As("u-hannah").DecisionLogAsync("?kind=delegation_created")).Items().Last().GetProperty("payload");
        Assert.Equal(firstId, payload.Str("delegate_id"));
        Assert.Equal(1, payload.GetProperty("suggestion").GetProperty("stated_rank").GetInt32());
        Assert.NotEqual(0, payload.GetProperty("suggestion").GetProperty("reasons").GetArrayLength());
    }

    [Fact]
    public async Task Procurement_ops_see_who_could_decide_a_role_step_on_the_requisition_page_and_an_approver_does_not()
    {
        var tenant = await browser.CreateTenantAsync(fixture, """
            policy: two-approver-steps
            base_currency: EUR
            rules:
              - id: two
                description: Two approvers, one after the other
                when: {}
                steps:
                  - { name: first, approvers: [ { role: approver } ] }
                  - { name: second, approvers: [ { role: approver } ] }
            """);
        var req = await tenant.As("u-carla").SubmitAsync(TestApi.Requisition(1_000m));
        await (await tenant.As("u-david").DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);

        var felix = await browser.SignInAsync(tenant, "u-felix");
        await felix.GotoAsync($"/requisitions/{req.Id()}");
        var box = felix.Locator("[data-who-could-decide]");
        await Assertions.Expect(box.Locator("h2")).ToHaveTextAsync("Who could decide step 2");
        await Assertions.Expect(box.Locator("li[data-suggestion]")).ToHaveCountAsync(1);
        await Assertions.Expect(box.Locator("li[data-rank='1']")).ToHaveAttributeAsync("data-suggestion", "u-esther");

        var esther = await browser.SignInAsync(tenant, "u-esther");
        await esther.GotoAsync($"/requisitions/{req.Id()}");
        await Assertions.Expect(esther.Locator("h1")).ToHaveCountAsync(1);
        await Assertions.Expect(esther.Locator("[data-who-could-decide]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_non_admin_gets_403_on_the_cost_centres_page_and_cannot_set_an_owner()
    {
        var tenant = await browser.CreateTenantAsync(fixture);
        var page = await browser.SignInAsync(tenant, "u-felix");

        var response = await page.GotoAsync("/admin/cost-centres");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("[data-problem-code]")).ToHaveTextAsync("role_required");

        await page.GotoAsync("/queue");
        var token = await page.InputValueAsync("input[name=__RequestVerificationToken] >> nth=0");
        var form = page.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        form.Set("code", "CC-EU-DIAG");
        form.Set("ownerId", "u-esther");
        await page.APIRequest.PostAsync("/admin/cost-centres?handler=SetOwner", new APIRequestContextOptions { Form = form });
        Assert.Empty((await tenant.As("u-hannah").DecisionLogAsync("?kind=cost_centre_owner_set")).Items());
    }
}
