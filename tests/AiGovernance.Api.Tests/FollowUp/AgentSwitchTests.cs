using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.FollowUp;

[Collection(ApiCollection.Name)]
public sealed class AgentSwitchTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_switch_needs_an_admin_and_a_reason_and_names_a_known_agent()
    {
        await using var host = await AgentTestHost.StartAsync(fixture);
        using var julia = host.Tenant.As("u-julia");
        await (await julia.PutAsync(TestApi.Url("/api/agents/follow-up/switch"), TestApi.JsonBody(new JsonObject { ["enabled"] = false })))
            .ValidationErrorsAsync("reason");
        await (await julia.PutAsync(TestApi.Url("/api/agents/approver-bot/switch"),
            TestApi.JsonBody(new JsonObject { ["enabled"] = false, ["reason"] = "x" }))).ValidationErrorsAsync("agent");
        await (await host.Tenant.As("u-felix").PutAsync(TestApi.Url("/api/agents/follow-up/switch"),
            TestApi.JsonBody(new JsonObject { ["enabled"] = false, ["reason"] = "x" }))).ProblemAsync(HttpStatusCode.Forbidden, "role_required");

        var agents = (await (await host.Tenant.As("u-grace").GetAsync("/api/agents")).ReadAsync(HttpStatusCode.OK)).Items().ToList();
        Assert.True(Assert.Single(agents).GetProperty("enabled").GetBoolean());
        Assert.Empty((await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=kill_switch_changed")).Items());
    }

    [Fact]
    public async Task Switched_off_the_follow_up_agent_drafts_nothing_and_logs_why_and_switched_on_it_runs_again()
    {
        await using var host = await AgentTestHost.StartAsync(fixture);
        using var julia = host.Tenant.As("u-julia");
        var off = await (await julia.PutAsync(TestApi.Url("/api/agents/follow-up/switch"),
            TestApi.JsonBody(new JsonObject { ["enabled"] = false, ["reason"] = "suppliers complained about nudges" }))).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("agent.follow-up", off.Str("kind"));

        // A 6,000 EUR requisition without its quote would get a document request drafted (FollowUpAgentTests).
        var quiet = await host.Tenant.As("u-anna").SubmitAsync(host.Requisition(6000m));
        await host.RunWorkerAsync();

        Assert.Empty(await host.RecommendationsAsync(quiet, "followup.message"));
        Assert.Empty(await host.RecommendationsAsync(quiet, "followup.escalation"));
        using var hannah = host.Tenant.As("u-hannah");
        Assert.DoesNotContain((await hannah.DecisionLogAsync("?kind=agent_run")).Items(), e => e.Str("subject_id") == quiet.Number());
        var skipped = Assert.Single((await hannah.DecisionLogAsync("?kind=agent_skipped")).Items());
        Assert.Equal(quiet.Number(), skipped.Str("subject_id"));
        Assert.Equal("switched off for this tenant by u-julia: suppliers complained about nudges", skipped.GetProperty("payload").Str("why"));
        var changed = Assert.Single((await hannah.DecisionLogAsync("?kind=kill_switch_changed")).Items());
        Assert.Equal(("agent", "agent.follow-up"), (changed.Str("subject_type"), changed.Str("subject_id")));

        await (await julia.PutAsync(TestApi.Url("/api/agents/follow-up/switch"),
            TestApi.JsonBody(new JsonObject { ["enabled"] = true, ["reason"] = "templates reworded" }))).ReadAsync(HttpStatusCode.OK);
        var chased = await host.Tenant.As("u-anna").SubmitAsync(host.Requisition(6000m));
        await host.RunWorkerAsync();
        Assert.Single(await host.RecommendationsAsync(chased, "followup.message"));
    }
}
