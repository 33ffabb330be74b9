using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Models;

[Collection(ApiCollection.Name)]
public sealed class PromotionTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_requester_cannot_approve_their_own_promotion_and_a_second_person_makes_it_active()
    {
        await using var host = await PromotionTestHost.StartAsync(fixture);
        var champion = host.Registry.ActiveVersion("duplicate");
        var challenger = host.AddChallenger("duplicate", challengerF1: 0.96, championF1: 0.94);
        using var ivan = host.Tenant.As("u-ivan");

        var requested = await host.RequestAsync(ivan, "duplicate", challenger);
        Assert.Equal(("requested", champion), (requested.Str("status"), requested.Str("from_version")));
        Assert.Equal("same evaluation set", requested.GetProperty("comparison").Str("basis"));
        var id = requested.PromotionId();

        await (await PromotionTestHost.ApproveAsync(ivan, id)).ProblemAsync(HttpStatusCode.Forbidden, "sod_requester_cannot_approve_promotion");
        await (await PromotionTestHost.ApproveAsync(host.Tenant.As("u-julia"), id)).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        Assert.Equal(champion, host.Registry.ActiveVersion("duplicate"));

        var approved = await (await PromotionTestHost.ApproveAsync(host.Tenant.As("u-hannah"), id)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("approved", "u-hannah"), (approved.Str("status"), approved.Str("decided_by")));
        Assert.Equal(challenger, host.Registry.ActiveVersion("duplicate"));
        await (await PromotionTestHost.ApproveAsync(host.Tenant.As("u-zoe", "data_scientist"), id)).ProblemAsync(HttpStatusCode.Conflict, "promotion_not_pending");

        var refused = await host.LogAsync("model_promotion_refused");
        Assert.Equal(["sod_requester_cannot_approve_promotion", "role_required"], refused.Select(e => e.Payload().GetProperty("detail").Str("code")));
        Assert.Equal("u-ivan", Assert.Single(await host.LogAsync("model_promotion_requested")).Str("actor"));
        Assert.Equal("u-hannah", Assert.Single(await host.LogAsync("model_promotion_approved")).Str("actor"));
        var activated = Assert.Single(await host.LogAsync("model_activated"));
        Assert.Equal($"duplicate/{challenger}", activated.Str("subject_id"));
        Assert.Equal(champion, activated.Payload().GetProperty("detail").Str("previous_version"));
        var verified = await (await host.Tenant.As("u-hannah").GetAsync("/api/decision-log/verify")).ReadAsync(HttpStatusCode.OK);
        Assert.True(verified.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_worse_challenger_is_refused_unless_an_override_reason_is_given()
    {
        await using var host = await PromotionTestHost.StartAsync(fixture);
        var challenger = host.AddChallenger("duplicate", challengerF1: 0.90, championF1: 0.94);
        using var ivan = host.Tenant.As("u-ivan");

        var problem = await (await ivan.PostJsonAsync("/api/models/duplicate/promotions",
            new JsonObject { ["version"] = challenger, ["reason"] = "weekly retrain" })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "challenger_worse_than_champion");
        Assert.Contains("0.9 (challenger) vs 0.94", problem.Str("detail"));
        var refusal = Assert.Single(await host.LogAsync("model_promotion_refused"));
        Assert.True(refusal.Payload().GetProperty("comparison").GetProperty("challenger_is_worse").GetBoolean());

        var overridden = await host.RequestAsync(ivan, "duplicate", challenger, overrideReason: "fewer false flags on standing orders matter more than F1");
        Assert.True(overridden.GetProperty("challenger_is_worse").GetBoolean());
        Assert.Equal("fewer false flags on standing orders matter more than F1", overridden.Str("override_reason"));
        await (await ivan.PostJsonAsync("/api/models/duplicate/promotions", new JsonObject { ["version"] = challenger })).ValidationErrorsAsync("reason");
        await (await ivan.PostJsonAsync("/api/models/duplicate/promotions", new JsonObject { ["version"] = "no-such", ["reason"] = "x" }))
            .ProblemAsync(HttpStatusCode.NotFound, "model_version_not_found");
        await (await ivan.PostJsonAsync("/api/models/duplicate/promotions", new JsonObject { ["version"] = "../../etc", ["reason"] = "x" }))
            .ProblemAsync(HttpStatusCode.NotFound, "model_version_not_found");
    }

    [Fact]
    public async Task Rollback_returns_to_the_version_active_before_the_promotion_and_is_logged()
    {
        await using var host = await PromotionTestHost.StartAsync(fixture);
        var champion = host.Registry.ActiveVersion("price-variance");
        var challenger = host.AddChallenger("price-variance", challengerF1: 0.93, championF1: 0.9157);
        var id = (await host.RequestAsync(host.Tenant.As("u-ivan"), "price-variance", challenger)).PromotionId();
        await (await PromotionTestHost.ApproveAsync(host.Tenant.As("u-hannah"), id)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(challenger, host.Registry.ActiveVersion("price-variance"));

        using var ivan = host.Tenant.As("u-ivan");
        await (await ivan.PostJsonAsync("/api/models/price-variance/rollback", new JsonObject())).ValidationErrorsAsync("reason");
        var rolledBack = await (await ivan.PostJsonAsync("/api/models/price-variance/rollback",
            new JsonObject { ["reason"] = "more false flags in production" })).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("rolled_back", "u-ivan"), (rolledBack.Str("status"), rolledBack.Str("rolled_back_by")));
        Assert.Equal(champion, host.Registry.ActiveVersion("price-variance"));
        await (await ivan.PostJsonAsync("/api/models/price-variance/rollback", new JsonObject { ["reason"] = "again" }))
            .ProblemAsync(HttpStatusCode.Conflict, "nothing_to_roll_back");

        var logged = Assert.Single(await host.LogAsync("model_rolled_back"));
        Assert.Equal(champion, logged.Payload().GetProperty("detail").Str("active_version"));
        var listed = (await (await host.Tenant.As("u-hannah").GetAsync("/api/models/promotions?status=rolled_back")).ReadAsync(HttpStatusCode.OK)).Items();
        Assert.Contains(listed, p => p.PromotionId() == id);
    }

    [Fact]
    public async Task Approving_one_request_supersedes_the_others_of_the_kind_and_they_cannot_be_approved()
    {
        await using var host = await PromotionTestHost.StartAsync(fixture);
        var first = host.AddChallenger("duplicate", 0.95, 0.94);
        var second = host.AddChallenger("duplicate", 0.96, 0.94);
        using var ivan = host.Tenant.As("u-ivan");
        var a = (await host.RequestAsync(ivan, "duplicate", first)).PromotionId();
        var b = (await host.RequestAsync(ivan, "duplicate", second)).PromotionId();

        await (await PromotionTestHost.ApproveAsync(host.Tenant.As("u-hannah"), a)).ReadAsync(HttpStatusCode.OK);
        await (await PromotionTestHost.ApproveAsync(host.Tenant.As("u-hannah"), b)).ProblemAsync(HttpStatusCode.Conflict, "promotion_superseded");
        await (await host.Tenant.As("u-hannah").PostJsonAsync($"/api/models/promotions/{b}/reject", new JsonObject { ["reason"] = "x" }))
            .ProblemAsync(HttpStatusCode.Conflict, "promotion_superseded");
        Assert.Equal(first, host.Registry.ActiveVersion("duplicate"));
        Assert.Contains(await host.LogAsync("model_promotion_superseded"), e => e.Payload().GetProperty("promotion_id").GetInt64() == b);
    }

    [Fact]
    public async Task A_rejected_request_changes_nothing_and_other_tenants_cannot_touch_promotions()
    {
        await using var host = await PromotionTestHost.StartAsync(fixture);
        var champion = host.Registry.ActiveVersion("duplicate");
        var challenger = host.AddChallenger("duplicate", 0.95, 0.94);
        var id = (await host.RequestAsync(host.Tenant.As("u-ivan"), "duplicate", challenger)).PromotionId();
        var rejected = await (await host.Tenant.As("u-hannah").PostJsonAsync($"/api/models/promotions/{id}/reject",
            new JsonObject { ["reason"] = "card lacks the known limits" })).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("rejected", rejected.Str("status"));
        Assert.Equal(champion, host.Registry.ActiveVersion("duplicate"));
        Assert.Single(await host.LogAsync("model_promotion_rejected"));

        var client = await fixture.CreateTenantAsync(factory: host.Factory);
        await (await host.RequestAsyncRaw(client.As("u-ivan"), challenger)).ProblemAsync(HttpStatusCode.Forbidden, "operator_tenant_required");
        await (await client.As("u-hannah").GetAsync("/api/models/promotions")).ProblemAsync(HttpStatusCode.Forbidden, "operator_tenant_required");
        await (await host.RequestAsyncRaw(host.Tenant.As("u-agent", "agent", "data_scientist"), challenger))
            .ProblemAsync(HttpStatusCode.Forbidden, "service_account_cannot_decide");
    }
}

internal static class PromotionRequests
{
    public static Task<HttpResponseMessage> RequestAsyncRaw(this PromotionTestHost _, HttpClient client, string version) =>
        client.PostJsonAsync("/api/models/duplicate/promotions", new JsonObject { ["version"] = version, ["reason"] = "x" });
}

[Collection(ApiCollection.Name)]
public sealed class PromotionConcurrencyTests(ApiFixture fixture)
{
    [Fact]
    public async Task Of_two_simultaneous_approvals_exactly_one_takes_effect()
    {
        await using var host = await PromotionTestHost.StartAsync(fixture);
        var challenger = host.AddChallenger("duplicate", 0.96, 0.94);
        var id = (await host.RequestAsync(host.Tenant.As("u-ivan"), "duplicate", challenger)).PromotionId();

        var responses = await Task.WhenAll(
            PromotionTestHost.ApproveAsync(host.Tenant.As("u-hannah"), id),
            PromotionTestHost.ApproveAsync(host.Tenant.As("u-zoe", "data_scientist"), id));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        await Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK).ProblemAsync(HttpStatusCode.Conflict, "promotion_not_pending");
        Assert.Equal(challenger, host.Registry.ActiveVersion("duplicate"));
        Assert.Single(await host.LogAsync("model_activated"));
    }
}
