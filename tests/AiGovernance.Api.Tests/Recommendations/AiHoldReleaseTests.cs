using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Recommendations;

/// <summary>An AI hold is lifted by a person with a reason; the chain then continues where it stood.</summary>
[Collection(ApiCollection.Name)]
public sealed class AiHoldReleaseTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_reviewer_releases_an_ai_hold_and_the_approver_sees_the_requisition_again()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var grace = tenant.As("u-grace");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var rec = await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id()));
        await (await grace.DecideOnAsync(rec, "accept")).ReadAsync(HttpStatusCode.OK);
        var held = await anna.GetRequisitionAsync(req);

        var released = await (await grace.PostJsonAsync($"/api/requisitions/{req.Id()}/release-hold",
            new JsonObject { ["reason"] = "not a duplicate: second delivery of a split order" })).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("on_hold", held.Status());
        Assert.Equal("ai_recommendation", held.GetProperty("hold_reasons")[0].Str("code"));
        Assert.Equal("pending_approval", released.Status());
        Assert.Empty(released.GetProperty("hold_reasons").EnumerateArray());
        Assert.Contains((await tenant.As("u-david").QueueAsync()).Items(), i => i.Str("number") == req.Number());
        var entry = Assert.Single((await tenant.As("u-hannah").DecisionLogAsync($"?kind=hold_released")).Items());
        Assert.Equal(("u-grace", req.Number()), (entry.Str("actor"), entry.Str("subject_id")));
    }

    [Fact]
    public async Task Releasing_needs_a_reason_a_reviewing_role_and_an_ai_hold()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var grace = tenant.As("u-grace");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var path = $"/api/requisitions/{req.Id()}/release-hold";

        var notHeld = await grace.PostJsonAsync(path, new JsonObject { ["reason"] = "x" });
        var noReason = await grace.PostJsonAsync(path, new JsonObject());
        var requester = await anna.PostJsonAsync(path, new JsonObject { ["reason"] = "mine" });

        await notHeld.ProblemAsync(HttpStatusCode.Conflict, "no_ai_hold");
        await noReason.ProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await requester.ProblemAsync(HttpStatusCode.Forbidden, "role_required");
    }

    [Fact]
    public async Task A_requisition_waiting_for_information_is_not_put_on_ai_hold()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        await (await tenant.As("u-david").DecideAsync(req, "request_info", 0, "which site?")).ReadAsync(HttpStatusCode.OK);
        var rec = await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id()));

        var accepted = await (await tenant.As("u-grace").DecideOnAsync(rec, "accept")).ReadAsync(HttpStatusCode.OK);

        Assert.False(accepted.GetProperty("effect").GetProperty("applied").GetBoolean());
        Assert.Equal("info_requested", (await anna.GetRequisitionAsync(req)).Status());
    }
}
