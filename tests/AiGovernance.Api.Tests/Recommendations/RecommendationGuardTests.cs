using System.Net;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Recommendations;

/// <summary>Who may decide, and that a decision takes effect once however many arrive together.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecommendationGuardTests(ApiFixture fixture)
{
    [Fact]
    public async Task Concurrent_accepts_take_effect_once()
    {
        var tenant = await fixture.CreateTenantAsync();
        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(1_000m));
        var rec = await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id()));
        var deciders = new[] { "u-grace", "u-felix", "u-julia", "u-grace", "u-felix", "u-julia" }.Select(u => tenant.As(u)).ToList();

        var responses = await Task.WhenAll(deciders.Select(c => c.DecideOnAsync(rec, "accept")));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single((await tenant.StoredHoldAsync(req.Id())).HoldReasons.Items());
        Assert.Single((await tenant.As("u-hannah").DecisionLogAsync("?kind=recommendation_outcome")).Items());
        deciders.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task The_requester_cannot_decide_on_a_recommendation_about_their_own_requisition()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var carla = tenant.As("u-carla", "requester", "reviewer");
        var req = await carla.SubmitAsync(TestApi.Requisition(1_000m));
        var rec = await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id()));

        await (await carla.DecideOnAsync(rec, "reject", "not a duplicate, trust me")).ProblemAsync(HttpStatusCode.Forbidden, "sod_subject_owner_cannot_decide");

        Assert.Equal("pending", (await tenant.As("u-grace").GetRecommendationAsync(rec)).Str("status"));
    }
}
