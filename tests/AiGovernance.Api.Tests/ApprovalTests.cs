using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ApprovalTests(ApiFixture fixture)
{
    /// <summary>5,000 EUR from a high-risk supplier: owner approval (u-david) then supplier-risk review (procurement_ops).</summary>
    private static JsonObject TwoStepRequisition() => TestApi.Requisition(5_000m, category: "Diagnostics", supplier: "sup-chembio-diagnostic-systems-inc");

    [Fact]
    public async Task The_cost_centre_owner_sees_the_pending_step_in_his_queue()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        using var esther = tenant.As("u-esther");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        var queue = await david.QueueAsync();

        var item = Assert.Single(queue.Items());
        Assert.Equal(req.Id(), item.GetProperty("requisition_id").GetGuid());
        Assert.Equal(0, item.GetProperty("step").GetInt32());
        Assert.Equal("owner-approval", item.Str("step_name"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("on_behalf_of").ValueKind);
        Assert.Empty((await esther.QueueAsync()).Items());
    }

    [Fact]
    public async Task Approving_the_only_step_approves_the_requisition_and_empties_the_queue()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        var response = await david.DecideAsync(req, "approve", 0);

        var result = await response.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("approve", result.Str("decision"));
        Assert.Equal("u-david", result.Str("actor_id"));
        Assert.Equal("approved", result.GetProperty("requisition").Status());
        Assert.Equal("approved", (await anna.GetRequisitionAsync(req)).Status());
        Assert.Empty((await david.QueueAsync()).Items());
    }

    [Fact]
    public async Task A_multi_step_chain_moves_step_by_step_to_approved()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        using var felix = tenant.As("u-felix");
        var req = await anna.SubmitAsync(TwoStepRequisition());
        Assert.Equal(["owner-approval", "supplier-risk-review"], req.GetProperty("steps").Items().Select(s => s.Str("name")));
        Assert.Empty((await felix.QueueAsync()).Items());

        var first = await (await david.DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("pending_approval", first.GetProperty("requisition").Status());
        var felixItem = Assert.Single((await felix.QueueAsync()).Items());
        Assert.Equal(1, felixItem.GetProperty("step").GetInt32());

        var second = await (await felix.DecideAsync(req, "approve", 1)).ReadAsync(HttpStatusCode.OK);

        var final = second.GetProperty("requisition");
        Assert.Equal("approved", final.Status());
        Assert.Equal(["approved", "approved"], final.GetProperty("steps").Items().Select(s => s.Str("status")));
        Assert.Equal("u-felix", final.GetProperty("steps")[1].GetProperty("approvers")[0].Str("decided_by"));
        Assert.Empty((await felix.QueueAsync()).Items());
    }

    [Fact]
    public async Task Deciding_on_a_step_that_is_not_active_is_a_conflict()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var felix = tenant.As("u-felix");
        var req = await anna.SubmitAsync(TwoStepRequisition());

        var response = await felix.DecideAsync(req, "approve", 1);

        await response.ProblemAsync(HttpStatusCode.Conflict, "step_not_active");
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
    }

    [Fact]
    public async Task Reject_requires_a_comment()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        var response = await david.DecideAsync(req, "reject", 0);

        await response.ValidationErrorsAsync("comment");
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
    }

    [Fact]
    public async Task Reject_with_a_comment_rejects_the_requisition()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        var req = await anna.SubmitAsync(TwoStepRequisition());

        var response = await david.DecideAsync(req, "reject", 0, "Not in this year's budget");

        var result = await response.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("rejected", result.GetProperty("requisition").Status());
        var stored = await anna.GetRequisitionAsync(req);
        Assert.Equal("rejected", stored.Status());
        Assert.Equal("Not in this year's budget", stored.GetProperty("steps")[0].GetProperty("approvers")[0].Str("comment"));
        // A rejected requisition takes no further decisions.
        await (await david.DecideAsync(req, "approve", 0)).ProblemAsync(HttpStatusCode.Conflict, "requisition_not_pending");
    }

    [Fact]
    public async Task Request_info_then_requester_answers_and_the_requisition_is_pending_again()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        var asked = await (await david.DecideAsync(req, "request_info", 0, "Which project is this for?")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("info_requested", asked.GetProperty("requisition").Status());
        Assert.Empty((await david.QueueAsync()).Items());

        var answered = await anna.PostJsonAsync($"{TestApi.Requisitions}/{req.Id()}/information", new JsonObject { ["comment"] = "Project Alpha, see PO-7" });

        Assert.Equal("pending_approval", (await answered.ReadAsync(HttpStatusCode.OK)).Status());
        Assert.Single((await david.QueueAsync()).Items());
        var approved = await (await david.DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("requisition").Status());
    }

    [Fact]
    public async Task Only_the_requester_may_answer_a_request_for_information()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var ben = tenant.As("u-ben");
        using var david = tenant.As("u-david");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        (await david.DecideAsync(req, "request_info", 0, "Which project?")).EnsureSuccessStatusCode();

        var response = await ben.PostJsonAsync($"{TestApi.Requisitions}/{req.Id()}/information", new JsonObject { ["comment"] = "me neither" });

        await response.ProblemAsync(HttpStatusCode.Forbidden, "not_the_requester");
        Assert.Equal("info_requested", (await anna.GetRequisitionAsync(req)).Status());
    }

    [Fact]
    public async Task An_unknown_decision_is_a_validation_error()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        var response = await david.DecideAsync(req, "maybe", 0);

        await response.ValidationErrorsAsync("decision");
    }
}
