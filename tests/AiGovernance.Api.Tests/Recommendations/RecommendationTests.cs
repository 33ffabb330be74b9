using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Recommendations;

[Collection(ApiCollection.Name)]
public sealed class RecommendationTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_posted_recommendation_is_pending_in_the_reviewers_list_and_reposting_it_returns_the_same_one()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var agent = tenant.Agent();
        using var grace = tenant.As("u-grace");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        var rec = await agent.PostAsync(RecommendationApi.Hold(req.Id()));
        var again = await agent.PostAsync(RecommendationApi.Hold(req.Id()), HttpStatusCode.OK);

        Assert.Equal("pending", rec.Str("status"));
        Assert.Equal(rec.Id(), again.Id());
        Assert.Equal("dup-2026-11-01", rec.GetProperty("producer").Str("model_version"));
        Assert.Equal("REQ-000001", rec.GetProperty("evidence")[0].Str("ref"));
        var pending = await (await grace.GetAsync($"{RecommendationApi.Path}?status=pending&subject={req.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(rec.Id(), Assert.Single(pending.Items()).Id());
        Assert.Empty((await (await grace.GetAsync($"{RecommendationApi.Path}?status=accepted")).ReadAsync(HttpStatusCode.OK)).Items());
        var posted = Assert.Single((await tenant.As("u-hannah").DecisionLogAsync("?kind=recommendation")).Items());
        Assert.Equal((RecommendationApi.AgentId, rec.Id().ToString()), (posted.Str("actor"), posted.Str("subject_id")));
        Assert.Equal("sha256:input-1", posted.GetProperty("payload").Str("input_hash"));
    }

    [Fact]
    public async Task Posting_needs_a_producer_role_and_valid_fields()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var agent = tenant.Agent();
        var bad = RecommendationApi.Hold(Guid.NewGuid());
        bad["confidence"] = 1.7;
        bad["producer"] = new JsonObject { ["name"] = "duplicate-detector" };
        bad["expires_in_hours"] = 24 * 31;

        await (await tenant.As("u-grace").PostJsonAsync(RecommendationApi.Path, RecommendationApi.Hold(Guid.NewGuid())))
            .ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await agent.PostJsonAsync(RecommendationApi.Path, bad)).ValidationErrorsAsync("confidence", "producer", "expires_in_hours");
        await (await agent.PostJsonAsync(RecommendationApi.Path, RecommendationApi.Hold(Guid.NewGuid()))).ValidationErrorsAsync("subject.id");
        await (await agent.GetAsync(RecommendationApi.Path)).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
    }

    [Fact]
    public async Task The_agent_service_account_can_never_decide()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var agent = tenant.Agent();
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var rec = await agent.PostAsync(RecommendationApi.Hold(req.Id()));

        await (await agent.DecideOnAsync(rec, "accept")).ProblemAsync(HttpStatusCode.Forbidden, "service_account_cannot_decide");
        using var agentWithRoles = tenant.As(RecommendationApi.AgentId, "agent", "reviewer", "admin");
        await (await agentWithRoles.DecideOnAsync(rec, "accept")).ProblemAsync(HttpStatusCode.Forbidden, "service_account_cannot_decide");
        await (await tenant.As("u-david").DecideOnAsync(rec, "accept")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");

        Assert.Equal("pending", (await tenant.As("u-grace").GetRecommendationAsync(rec)).Str("status"));
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
        var refusals = await tenant.As("u-hannah").DecisionLogAsync("?kind=sod_refusal");
        Assert.Equal(2, refusals.Items().Count(e => e.GetProperty("payload").Str("code") == "service_account_cannot_decide"));
    }

    [Fact]
    public async Task A_rejected_recommendation_has_no_effect()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var grace = tenant.As("u-grace");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var rec = await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id()));
        var before = await anna.GetRequisitionAsync(req);

        await (await grace.DecideOnAsync(rec, "reject")).ValidationErrorsAsync("reason");
        var rejected = await (await grace.DecideOnAsync(rec, "reject", "different delivery address: not a duplicate")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("rejected", rejected.Str("status"));
        Assert.Equal("u-grace", rejected.Str("decided_by"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rejected.GetProperty("effect").ValueKind);
        var after = await anna.GetRequisitionAsync(req);
        Assert.Equal(("pending_approval", before.GetProperty("version").GetInt32()), (after.Status(), after.GetProperty("version").GetInt32()));
        Assert.Equal(0, (await tenant.StoredHoldAsync(req.Id())).HoldReasons.GetArrayLength());
        Assert.Single((await tenant.As("u-david").QueueAsync()).Items());
        var outcome = Assert.Single((await tenant.As("u-hannah").DecisionLogAsync("?kind=recommendation_outcome")).Items());
        Assert.Equal(("rejected", "different delivery address: not a duplicate"),
            (outcome.GetProperty("payload").Str("outcome"), outcome.GetProperty("payload").Str("reason")));
        await (await grace.DecideOnAsync(rec, "accept")).ProblemAsync(HttpStatusCode.Conflict, "recommendation_not_pending");
    }

    [Fact]
    public async Task An_accepted_hold_puts_the_requisition_on_hold_exactly_once()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var felix = tenant.As("u-felix");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var rec = await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id()));

        var accepted = await (await felix.DecideOnAsync(rec, "accept")).ReadAsync(HttpStatusCode.OK);
        var second = await felix.DecideOnAsync(rec, "accept");

        await second.ProblemAsync(HttpStatusCode.Conflict, "recommendation_not_pending");
        Assert.Equal("accepted", accepted.Str("status"));
        var effect = accepted.GetProperty("effect");
        Assert.True(effect.GetProperty("applied").GetBoolean());
        Assert.Equal(("pending_approval", "on_hold"), (effect.GetProperty("details").Str("status_before"), effect.GetProperty("details").Str("status_after")));
        Assert.Equal("on_hold", (await anna.GetRequisitionAsync(req)).Status());
        var (status, holds) = await tenant.StoredHoldAsync(req.Id());
        Assert.Equal("on_hold", status);
        var hold = Assert.Single(holds.Items());
        Assert.Equal(("ai_recommendation", rec.Id().ToString()), (hold.Str("code"), hold.Str("recommendation_id")));
        Assert.Equal("probable duplicate of REQ-000001", hold.Str("text"));
        Assert.Empty((await tenant.As("u-david").QueueAsync()).Items());
        using var hannah = tenant.As("u-hannah");
        var outcome = Assert.Single((await hannah.DecisionLogAsync("?kind=recommendation_outcome")).Items());
        Assert.Equal(("u-felix", "accepted"), (outcome.Str("actor"), outcome.GetProperty("payload").Str("outcome")));
        Assert.True(outcome.GetProperty("payload").GetProperty("effect").GetProperty("applied").GetBoolean());
        Assert.Single((await hannah.DecisionLogAsync($"?requisition={req.Number()}")).Entries("requisition_on_hold"));
        Assert.True((await (await hannah.GetAsync("/api/decision-log/verify")).ReadAsync(HttpStatusCode.OK)).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task An_edit_stores_the_edited_payload_and_applies_the_effect_with_it()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var grace = tenant.As("u-grace");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var rec = await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id()));
        var edited = new JsonObject { ["reason"] = "duplicate of REQ-000007 (same PO line)" };

        await (await grace.DecideOnAsync(rec, "edit", "sharper reason")).ValidationErrorsAsync("payload");
        var result = await (await grace.DecideOnAsync(rec, "edit", "the model named the wrong original", edited)).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("edited", result.Str("status"));
        Assert.Equal("duplicate of REQ-000007 (same PO line)", result.GetProperty("edited_payload").Str("reason"));
        Assert.Equal("probable duplicate of REQ-000001", result.GetProperty("payload").Str("reason"));
        Assert.True(result.GetProperty("effect").GetProperty("applied").GetBoolean());
        var stored = await grace.GetRecommendationAsync(rec);
        Assert.Equal("duplicate of REQ-000007 (same PO line)", stored.GetProperty("edited_payload").Str("reason"));
        var (status, holds) = await tenant.StoredHoldAsync(req.Id());
        Assert.Equal("on_hold", status);
        Assert.Equal("duplicate of REQ-000007 (same PO line)", Assert.Single(holds.Items()).Str("text"));
        var outcome = Assert.Single((await tenant.As("u-hannah").DecisionLogAsync("?kind=recommendation_outcome")).Items()).GetProperty("payload");
        Assert.Equal(("edited", "the model named the wrong original"), (outcome.Str("outcome"), outcome.Str("reason")));
    }

    [Fact]
    public async Task Accepting_without_an_applicable_effect_is_recorded_but_changes_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var grace = tenant.As("u-grace");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var note = await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id(), kind: "requisition.note"));
        var hold = await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id()));
        await (await tenant.As("u-david").DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);

        var noteResult = await (await grace.DecideOnAsync(note, "accept")).ReadAsync(HttpStatusCode.OK);
        var holdResult = await (await grace.DecideOnAsync(hold, "accept")).ReadAsync(HttpStatusCode.OK);

        Assert.False(noteResult.GetProperty("effect").GetProperty("applied").GetBoolean());
        Assert.Contains("no automatic effect", noteResult.GetProperty("effect").Str("why"));
        Assert.False(holdResult.GetProperty("effect").GetProperty("applied").GetBoolean());
        Assert.Contains("is approved", holdResult.GetProperty("effect").Str("why"));
        Assert.Equal("approved", (await tenant.StoredHoldAsync(req.Id())).Status);
    }
}
