using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Recommendations;

namespace AiGovernance.Api.Tests;

/// <summary>The filters the decision log page shares with the API: versions, requisition by id, newest-first paging.</summary>
[Collection(ApiCollection.Name)]
public sealed class DecisionLogFilterTests(ApiFixture fixture)
{
    [Fact]
    public async Task Model_and_prompt_versions_and_a_requisition_id_find_the_recommendations_about_it()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var hannah = tenant.As("u-hannah");
        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(1_000m));
        var hold = RecommendationApi.Hold(req.Id());
        ((JsonObject)hold["producer"]!)["prompt_version"] = "dup-explainer@3";
        var rec = await tenant.Agent().PostAsync(hold);
        await (await tenant.As("u-grace").DecideOnAsync(rec, "reject", "not a duplicate")).ReadAsync(HttpStatusCode.OK);

        var byModel = (await hannah.DecisionLogAsync("?model_version=dup-2026")).Items().Select(e => e.Str("kind")).ToList();
        var byPrompt = (await hannah.DecisionLogAsync("?prompt_version=dup-explainer@3")).Items().Select(e => e.Str("kind")).ToList();
        var otherModel = (await hannah.DecisionLogAsync("?model_version=dup-2025")).Items();
        var byId = (await hannah.DecisionLogAsync($"?requisition={req.Id()}")).Items().Select(e => e.Str("kind")).ToList();
        var byNumber = (await hannah.DecisionLogAsync($"?requisition={req.Number()}")).Items().Select(e => e.Str("kind")).ToList();

        Assert.Equal(["recommendation", "recommendation_outcome"], byModel);
        Assert.Equal(byModel, byPrompt);
        Assert.Empty(otherModel);
        Assert.Equal(["routing", "recommendation", "recommendation_outcome"], byId);
        Assert.Equal(byId, byNumber);
    }

    [Fact]
    public async Task Pages_newest_first_by_sequence_and_exports_with_the_same_filters()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var hannah = tenant.As("u-hannah");
        for (var i = 0; i < 3; i++) await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(1_000m + i));
        var all = (await hannah.DecisionLogAsync("?kind=routing")).Items().Select(e => e.GetProperty("seq").GetInt64()).ToList();

        var before = all[^1];
        var older = (await hannah.DecisionLogAsync($"?kind=routing&before={before}")).Items().Select(e => e.GetProperty("seq").GetInt64()).ToList();
        var export = await (await hannah.GetAsync("/api/decision-log/export?format=csv&kind=routing")).Content.ReadAsStringAsync();

        Assert.Equal(3, all.Count);
        Assert.Equal(all[..2], older);
        Assert.Equal(4, export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + the three routing entries
        await (await hannah.GetAsync("/api/decision-log/export?format=xml")).ValidationErrorsAsync("format");
    }
}
