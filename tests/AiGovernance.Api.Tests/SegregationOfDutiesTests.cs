using System.Net;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SegregationOfDutiesTests(ApiFixture fixture)
{
    /// <summary>Two steps that each admit any approver, so one approver could otherwise fill both.</summary>
    private const string TwoApproverStepsPolicy = """
        policy: two-approver-steps
        base_currency: EUR
        authority_limits: { approver: 10000 }
        rules:
          - id: four-eyes
            description: two different approvers
            when: {}
            steps:
              - { name: first-look, approvers: [ { role: approver } ] }
              - { name: second-look, approvers: [ { role: approver } ] }
        """;

    [Fact]
    public async Task A_requester_who_owns_the_cost_centre_cannot_approve_her_own_requisition()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var carla = tenant.As("u-carla");
        var req = await carla.SubmitAsync(TestApi.Requisition(1_000m, legalEntity: "LE-AS", costCentre: "CC-AS-HEALTH"));
        // Routing already hands her owner step to the escalation target, and says so.
        Assert.Equal(["role procurement_ops"], req.GetProperty("next_approvers").Items().Select(a => a.GetString()));
        Assert.Contains(req.GetProperty("routing").GetProperty("notes").Items(), n => n.GetString()!.Contains("u-carla", StringComparison.Ordinal));

        var response = await carla.DecideAsync(req, "approve", 0);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "sod_requester_cannot_approve");
        Assert.Equal("pending_approval", (await carla.GetRequisitionAsync(req)).Status());
        Assert.Empty((await carla.QueueAsync()).Items());
        await AssertRefusalLoggedAsync(tenant, req.Number(), "u-carla", "sod_requester_cannot_approve");
    }

    [Fact]
    public async Task A_requester_admitted_by_her_approver_role_still_cannot_approve_her_own_requisition()
    {
        var tenant = await fixture.CreateTenantAsync(TwoApproverStepsPolicy);
        using var carla = tenant.As("u-carla");
        using var david = tenant.As("u-david");
        var req = await carla.SubmitAsync(TestApi.Requisition(1_000m, legalEntity: "LE-AS", costCentre: "CC-AS-HEALTH"));
        Assert.Equal(["role approver"], req.GetProperty("next_approvers").Items().Select(a => a.GetString()));

        var response = await carla.DecideAsync(req, "approve", 0);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "sod_requester_cannot_approve");
        await AssertRefusalLoggedAsync(tenant, req.Number(), "u-carla", "sod_requester_cannot_approve");
        Assert.Empty((await carla.QueueAsync()).Items());
        Assert.Single((await david.QueueAsync()).Items());
    }

    [Fact]
    public async Task One_person_cannot_fill_two_steps_of_one_chain()
    {
        var tenant = await fixture.CreateTenantAsync(TwoApproverStepsPolicy);
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        using var esther = tenant.As("u-esther");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        Assert.Equal(["first-look", "second-look"], req.GetProperty("steps").Items().Select(s => s.Str("name")));
        (await david.DecideAsync(req, "approve", 0)).EnsureSuccessStatusCode();

        var response = await david.DecideAsync(req, "approve", 1);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "sod_one_person_two_steps");
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
        await AssertRefusalLoggedAsync(tenant, req.Number(), "u-david", "sod_one_person_two_steps", expectedDecisions: 1);
        // A second person completes the chain.
        var done = await (await esther.DecideAsync(req, "approve", 1)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("approved", done.GetProperty("requisition").Status());
    }

    [Fact]
    public async Task An_approver_above_his_authority_limit_is_refused_on_the_final_step_only()
    {
        var tenant = await fixture.CreateTenantAsync(TwoApproverStepsPolicy);
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        using var esther = tenant.As("u-esther");
        // 15,000 EUR; approvers may give the final approval up to 10,000.
        var req = await anna.SubmitAsync(TestApi.Requisition(15_000m));
        var first = await (await david.DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("pending_approval", first.GetProperty("requisition").Status());

        var response = await esther.DecideAsync(req, "approve", 1);

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden, "authority_limit_exceeded");
        Assert.Contains("10,000.00", problem.Str("detail"), StringComparison.Ordinal);
        var stored = await anna.GetRequisitionAsync(req);
        Assert.Equal("pending_approval", stored.Status());
        Assert.Equal("active", stored.GetProperty("steps")[1].Str("status"));
        await AssertRefusalLoggedAsync(tenant, req.Number(), "u-esther", "authority_limit_exceeded", expectedDecisions: 1);
    }

    [Fact]
    public async Task Under_the_default_policy_each_chain_ends_with_enough_authority()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        using var felix = tenant.As("u-felix");
        using var karl = tenant.As("u-karl");
        // 60,000 EUR: owner (limit 10,000) and procurement (50,000) approve intermediate steps; the finance manager (100,000) the last.
        var req = await anna.SubmitAsync(TestApi.Requisition(60_000m));
        Assert.Equal(["owner-approval", "procurement-approval", "finance-approval"], req.GetProperty("steps").Items().Select(s => s.Str("name")));

        (await david.DecideAsync(req, "approve", 0)).EnsureSuccessStatusCode();
        (await felix.DecideAsync(req, "approve", 1)).EnsureSuccessStatusCode();
        var final = await (await karl.DecideAsync(req, "approve", 2)).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("approved", final.GetProperty("requisition").Status());
    }

    [Fact]
    public async Task Someone_who_is_not_an_approver_of_the_step_is_refused()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var esther = tenant.As("u-esther");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        var response = await esther.DecideAsync(req, "approve", 0);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "not_an_approver");
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
        await AssertRefusalLoggedAsync(tenant, req.Number(), "u-esther", "not_an_approver");
    }

    [Fact]
    public async Task Every_refusal_is_in_the_sod_refusal_log()
    {
        var tenant = await fixture.CreateTenantAsync(TwoApproverStepsPolicy);
        using var anna = tenant.As("u-anna");
        using var carla = tenant.As("u-carla");
        using var david = tenant.As("u-david");
        using var esther = tenant.As("u-esther");
        using var grace = tenant.As("u-grace");
        using var hannah = tenant.As("u-hannah");
        var own = await carla.SubmitAsync(TestApi.Requisition(1_000m, legalEntity: "LE-AS", costCentre: "CC-AS-HEALTH"));
        var big = await anna.SubmitAsync(TestApi.Requisition(15_000m));
        (await carla.DecideAsync(own, "approve", 0)).ShouldBeForbidden();
        (await grace.DecideAsync(big, "approve", 0)).ShouldBeForbidden();
        (await david.DecideAsync(big, "approve", 0)).EnsureSuccessStatusCode();
        (await david.DecideAsync(big, "approve", 1)).ShouldBeForbidden();
        (await esther.DecideAsync(big, "approve", 1)).ShouldBeForbidden();

        var log = await hannah.DecisionLogAsync("?kind=sod_refusal");

        var entries = log.Items().ToList();
        Assert.All(entries, e => Assert.Equal("sod_refusal", e.Str("kind")));
        Assert.Equal(
            [("u-carla", "sod_requester_cannot_approve"), ("u-grace", "not_an_approver"), ("u-david", "sod_one_person_two_steps"), ("u-esther", "authority_limit_exceeded")],
            entries.Select(e => (e.Str("actor"), e.GetProperty("payload").Str("code"))));
        Assert.Equal([own.Number(), big.Number(), big.Number(), big.Number()], entries.Select(e => e.Str("subject_id")));
    }

    private static async Task AssertRefusalLoggedAsync(TestTenant tenant, string number, string actor, string code, int expectedDecisions = 0)
    {
        using var hannah = tenant.As("u-hannah");
        var log = await hannah.DecisionLogAsync($"?kind=sod_refusal&requisition={number}");
        var entry = Assert.Single(log.Items());
        Assert.Equal(actor, entry.Str("actor"));
        Assert.Equal(code, entry.GetProperty("payload").Str("code"));
        Assert.Equal("approve", entry.GetProperty("payload").Str("decision"));
        // A refusal is logged but never recorded as a decision.
        var decisions = (await hannah.DecisionLogAsync($"?kind=human_decision&requisition={number}")).Items();
        Assert.Equal(expectedDecisions, decisions.Count());
    }
}

internal static class ForbiddenAssertions
{
    public static void ShouldBeForbidden(this HttpResponseMessage response) =>
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
}
