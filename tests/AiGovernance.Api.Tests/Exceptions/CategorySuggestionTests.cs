using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Detection;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Recommendations;
using AiGovernance.Data.Seed;

namespace AiGovernance.Api.Tests.Exceptions;

/// <summary>
/// The category detector on submission, with the shipped demo model (the demo tenant's USAID-derived categories) and a
/// default policy, in which HIV test kits over 2,000 EUR need a diagnostics quality review: a kit coded as an ARV drug
/// dodges that step.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CategorySuggestionTests(ApiFixture fixture)
{
    internal const string TestKit = "HIV 1/2, Determine Complete HIV Kit, 100 Tests";
    private const string ArvDrug = "Lamivudine/Zidovudine 150/300mg, tablets, 60 Tabs";

    /// <summary>The default policy's rule hiv-tests-over-2k adds a quality review that coding a test kit as a drug would skip.</summary>
    internal static readonly string PolicyWithDiagnosticsReview = SeedResources.DefaultPolicyYaml;

    [Fact]
    public async Task A_test_kit_coded_as_a_drug_raises_a_chain_changing_suggestion_and_accepting_it_reroutes()
    {
        await using var host = await StartAsync();
        var req = await SubmitAsync(host, "sup-orgenics-ltd", TestKit, "Pharmaceuticals-ARV");
        Assert.Equal(["owner-approval"], Steps(req));

        var rec = await CategoryRecommendationAsync(host, req);
        var payload = rec.GetProperty("payload");
        Assert.Equal(("Pharmaceuticals-ARV", "Diagnostics-HIV"), (payload.Str("given"), payload.Str("suggested")));
        Assert.True(payload.GetProperty("changes_chain").GetBoolean());
        Assert.Equal(["owner-approval: user u-david"], payload.GetProperty("chain_now").Items().Select(x => x.GetString()!));
        Assert.Equal(["owner-approval: user u-david", "diagnostics-quality-review: role procurement_ops"],
            payload.GetProperty("chain_suggested").Items().Select(x => x.GetString()!));
        Assert.Contains("adds diagnostics-quality-review", payload.Str("reason"), StringComparison.Ordinal);
        Assert.Contains(payload.GetProperty("reasons").Items(), r => r.GetString()!.Contains("supplier 'Orgenics, Ltd'", StringComparison.Ordinal));
        Assert.Equal("category-detector", rec.GetProperty("producer").Str("name"));
        Assert.InRange(rec.GetProperty("confidence").GetDouble(), 0.7, 1);

        await host.Tenant.ProjectExceptionsAsync();
        using var felix = host.Tenant.As("u-felix");
        var inbox = await (await felix.GetAsync("/api/exceptions")).ReadAsync(HttpStatusCode.OK);
        var exception = Assert.Single(inbox.Items(), e => e.Str("type") == "category_changes_chain");
        Assert.Equal("category_manager", exception.Str("owner_queue"));
        Assert.Equal(req.Id(), exception.GetProperty("requisition_id").GetGuid());

        // An approver may not re-code (they could pick the category that leaves the purchase with them).
        await (await host.Tenant.As("u-david").DecideOnAsync(rec, "accept")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        (await felix.DecideOnAsync(rec, "accept")).EnsureSuccessStatusCode();

        var after = await felix.GetRequisitionAsync(req);
        Assert.Equal("Diagnostics-HIV", after.Str("category"));
        Assert.Equal(["owner-approval", "diagnostics-quality-review"], Steps(after));
        var rerouted = Assert.Single((await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=requisition_rerouted")).Items());
        Assert.Equal("u-felix", rerouted.Str("actor"));
        Assert.Contains("category changed from 'Pharmaceuticals-ARV' to 'Diagnostics-HIV'", rerouted.GetProperty("payload").Str("reason"), StringComparison.Ordinal);

        await host.Tenant.ProjectExceptionsAsync();
        var closed = await (await felix.GetAsync($"/api/exceptions/{exception.Str("id")}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("resolved", closed.Str("status"));
        // Scored again after the re-route: the model now agrees, so nothing new is raised.
        await host.RunWorkerAsync();
        Assert.DoesNotContain(await host.PendingRecommendationsAsync(req), r => r.Str("kind") == "requisition.category");
    }

    [Fact]
    public async Task A_suggestion_that_routes_the_same_is_a_recommendation_but_no_exception_and_rejecting_leaves_the_category()
    {
        await using var host = await StartAsync();
        var req = await SubmitAsync(host, "sup-aurobindo-pharma-limited", ArvDrug, "Pharmaceuticals-Antimalarial");

        var rec = await CategoryRecommendationAsync(host, req);
        Assert.Equal("Pharmaceuticals-ARV", rec.GetProperty("payload").Str("suggested"));
        Assert.False(rec.GetProperty("payload").GetProperty("changes_chain").GetBoolean());
        Assert.StartsWith("routed the same", rec.GetProperty("payload").Str("reason")!.Split(": ", 2)[1], StringComparison.Ordinal);

        await host.Tenant.ProjectExceptionsAsync();
        using var felix = host.Tenant.As("u-felix");
        Assert.DoesNotContain((await (await felix.GetAsync("/api/exceptions")).ReadAsync(HttpStatusCode.OK)).Items(), e => e.Str("type") == "category_changes_chain");

        (await host.Tenant.As("u-grace").DecideOnAsync(rec, "reject", "antimalarial budget line on purpose")).EnsureSuccessStatusCode();
        Assert.Equal("Pharmaceuticals-Antimalarial", (await felix.GetRequisitionAsync(req)).Str("category"));
        Assert.Empty((await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=requisition_rerouted")).Items());
    }

    [Fact]
    public async Task With_the_category_model_switched_off_no_suggestion_is_made_and_the_scoring_entry_says_why()
    {
        await using var host = await StartAsync();
        using var julia = host.Tenant.As("u-julia");
        (await julia.PutAsync(TestApi.Url("/api/models/category/switch"),
            TestApi.JsonBody(new JsonObject { ["enabled"] = false, ["reason"] = "re-checking the thresholds" }))).EnsureSuccessStatusCode();

        var req = await SubmitAsync(host, "sup-orgenics-ltd", TestKit, "Pharmaceuticals-ARV");

        Assert.DoesNotContain(await host.PendingRecommendationsAsync(req), r => r.Str("kind") == "requisition.category");
        Assert.DoesNotContain(await host.DetectionsAsync(req), d => d.Str("detector") == "category");
        var scored = (await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=detection_scored")).Items().Last();
        var skip = Assert.Single(scored.GetProperty("payload").GetProperty("skipped").Items(), x => x.Str("kind") == "category");
        Assert.Equal("switched off for this tenant by u-julia: re-checking the thresholds", skip.Str("why"));
    }

    [Fact]
    public async Task Without_an_active_category_model_scoring_goes_on_and_says_so()
    {
        var models = Directory.CreateTempSubdirectory("aigov-no-category-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(models, "registry.json"), """{ "active": {} }""");
            await using var host = await DetectionTestHost.StartAsync(fixture, ("Governance:Detection:ModelsDirectory", models));
            var req = await SubmitAsync(host, "sup-orgenics-ltd", TestKit, "Pharmaceuticals-ARV");

            Assert.DoesNotContain(await host.PendingRecommendationsAsync(req), r => r.Str("kind") == "requisition.category");
            var scored = (await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=detection_scored")).Items().Last();
            var skip = Assert.Single(scored.GetProperty("payload").GetProperty("skipped").Items(), x => x.Str("kind") == "category");
            Assert.StartsWith("no active category model in ", skip.Str("why"), StringComparison.Ordinal);
            var model = Assert.Single((await (await host.Tenant.As("u-julia").GetAsync("/api/models")).ReadAsync(HttpStatusCode.OK)).Items(), m => m.Str("kind") == "category");
            Assert.False(model.GetProperty("loaded").GetBoolean());
        }
        finally { Directory.Delete(models, recursive: true); }
    }

    private async Task<DetectionTestHost> StartAsync()
    {
        Assert.Contains("id: hiv-tests-over-2k", PolicyWithDiagnosticsReview, StringComparison.Ordinal);
        return await DetectionTestHost.StartAsync(fixture);
    }

    private static async Task<JsonElement> SubmitAsync(DetectionTestHost host, string supplier, string description, string category)
    {
        var body = DetectionTestHost.Requisition(supplier, description, 1, 3000m, item: "ITM-CAT");
        body["category"] = category;
        using var anna = host.Tenant.As("u-anna");
        return await host.SubmitAndScoreAsync(anna, body);
    }

    private static async Task<JsonElement> CategoryRecommendationAsync(DetectionTestHost host, JsonElement req)
    {
        var pending = await host.PendingRecommendationsAsync(req);
        var rec = Assert.Single(pending, r => r.Str("kind") == "requisition.category");
        return await host.Tenant.As("u-grace").GetRecommendationAsync(rec);
    }

    private static string[] Steps(JsonElement requisition) => [.. requisition.GetProperty("steps").Items().Select(s => s.Str("name")!)];
}
