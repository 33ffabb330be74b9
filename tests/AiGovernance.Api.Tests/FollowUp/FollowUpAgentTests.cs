using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.FollowUp;

[Collection(ApiCollection.Name)]
public sealed class FollowUpAgentTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_missing_quote_is_requested_by_a_draft_that_is_sent_once_after_a_person_accepts_it()
    {
        await using var host = await AgentTestHost.StartAsync(fixture);
        await host.SetSupplierContactAsync("sup-orgenics-ltd", "sales@orgenics.example");
        var req = await host.Tenant.As("u-anna").SubmitAsync(host.Requisition(6000m));

        await host.RunWorkerAsync();

        var draft = Assert.Single(await host.RecommendationsAsync(req, "followup.message"));
        var payload = draft.GetProperty("payload");
        Assert.Equal(("supplier_contact", "missing_document"), (payload.Str("recipient_kind"), payload.Str("trigger")));
        Assert.Equal("sales@orgenics.example", payload.Str("recipient_address"));
        Assert.Contains("quote", payload.Str("body")!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("follow-up-agent", draft.GetProperty("producer").Str("name"));
        Assert.Empty(host.Smtp.Received);

        // Running again on the same situation finds the same draft instead of adding one.
        await host.RunWorkerAsync();
        Assert.Single(await host.RecommendationsAsync(req, "followup.message"));

        await (await host.Tenant.As("u-felix").PostJsonAsync($"/api/recommendations/{draft.Str("id")}/decision", new JsonObject { ["decision"] = "accept" }))
            .ReadAsync(HttpStatusCode.OK);
        await host.RunWorkerAsync();
        await host.RunWorkerAsync();

        var mail = Assert.Single(host.Smtp.Received);
        Assert.Equal(["sales@orgenics.example"], mail.To);
        Assert.Contains(req.Number(), mail.Data, StringComparison.Ordinal);
        var log = await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=agent_run");
        var run = Assert.Single(log.Items(), e => e.Str("subject_id") == req.Number()).GetProperty("payload");
        Assert.Equal("follow-up-agent", run.GetProperty("prompt").Str("id"));
        Assert.Equal("offline", run.GetProperty("provider").Str("provider"));
    }

    [Fact]
    public async Task Without_a_supplier_contact_the_requester_is_asked_for_the_quote()
    {
        await using var host = await AgentTestHost.StartAsync(fixture);
        var req = await host.Tenant.As("u-anna").SubmitAsync(host.Requisition(6000m));

        await host.RunWorkerAsync();

        var payload = Assert.Single(await host.RecommendationsAsync(req, "followup.message")).GetProperty("payload");
        Assert.Equal(("requester", "u-anna", "anna.weber@demo.example"), (payload.Str("recipient_kind"), payload.Str("recipient_id"), payload.Str("recipient_address")));
    }

    [Fact]
    public async Task A_supplier_with_onboarding_incomplete_gets_an_onboarding_request_drafted()
    {
        await using var host = await AgentTestHost.StartAsync(fixture);
        await host.SetSupplierContactAsync("sup-orgenics-ltd", "onboarding@orgenics.example");
        await (await host.Tenant.As("u-felix").PutAsync(TestApi.Url("/api/suppliers/sup-orgenics-ltd/status"),
            TestApi.JsonBody(new JsonObject { ["status"] = "onboarding_incomplete", ["reason"] = "bank details and W-9 missing" }))).ReadAsync(HttpStatusCode.OK);
        var req = await host.Tenant.As("u-anna").SubmitAsync(host.Requisition(400m));

        await host.RunWorkerAsync();

        var payload = Assert.Single(await host.RecommendationsAsync(req, "followup.message")).GetProperty("payload");
        Assert.Equal(("supplier_contact", "supplier_onboarding_incomplete", "onboarding@orgenics.example"),
            (payload.Str("recipient_kind"), payload.Str("trigger"), payload.Str("recipient_address")));
        Assert.Contains("bank details and W-9 missing", payload.Str("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_step_nears_its_sla_the_approver_gets_a_nudge_drafted()
    {
        await using var host = await AgentTestHost.StartAsync(fixture);
        var req = await host.Tenant.As("u-anna").SubmitAsync(host.Requisition(400m));
        await host.RunWorkerAsync();
        Assert.Empty(await host.RecommendationsAsync(req, "followup.message"));

        // The owner step has a 24h SLA; the reminder fires at 75 %.
        host.Clock.Advance(TimeSpan.FromHours(19));
        await host.RunWorkerAsync();

        var payload = Assert.Single(await host.RecommendationsAsync(req, "followup.message")).GetProperty("payload");
        Assert.Equal(("approver", "u-david", "sla_near"), (payload.Str("recipient_kind"), payload.Str("recipient_id"), payload.Str("trigger")));
        Assert.Contains("owner-approval", payload.Str("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requisitions_that_need_nothing_get_no_drafts()
    {
        await using var host = await AgentTestHost.StartAsync(fixture);
        var small = await host.Tenant.As("u-anna").SubmitAsync(host.Requisition(400m));

        await host.RunWorkerAsync();

        Assert.Empty(await host.RecommendationsAsync(small, "followup.message"));
        Assert.Empty(await host.RecommendationsAsync(small, "followup.escalation"));
    }

    [Fact]
    public async Task A_service_account_cannot_accept_a_draft_and_a_rejected_draft_is_never_sent()
    {
        await using var host = await AgentTestHost.StartAsync(fixture);
        await host.SetSupplierContactAsync("sup-orgenics-ltd", "sales@orgenics.example");
        var req = await host.Tenant.As("u-anna").SubmitAsync(host.Requisition(7000m));
        await host.RunWorkerAsync();
        var draft = Assert.Single(await host.RecommendationsAsync(req, "followup.message"));
        var url = $"/api/recommendations/{draft.Str("id")}/decision";

        await (await host.Tenant.As("svc-agent", "agent", "procurement_ops").PostJsonAsync(url, new JsonObject { ["decision"] = "accept" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "service_account_cannot_decide");
        await (await host.Tenant.As("u-anna").PostJsonAsync(url, new JsonObject { ["decision"] = "accept" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await host.Tenant.As("u-felix").PostJsonAsync(url, new JsonObject { ["decision"] = "reject", ["reason"] = "quote already received by phone" }))
            .ReadAsync(HttpStatusCode.OK);
        await host.RunWorkerAsync();

        Assert.Empty(host.Smtp.Received);
    }
}
