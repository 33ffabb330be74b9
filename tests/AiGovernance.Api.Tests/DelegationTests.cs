using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DelegationTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_delegate_sees_the_delegators_item_and_approves_on_his_behalf()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        using var felix = tenant.As("u-felix");
        using var hannah = tenant.As("u-hannah");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        Assert.Empty((await felix.QueueAsync()).Items());

        var created = await Delegate(david, "u-felix", DateTimeOffset.UtcNow.AddDays(7));
        var delegation = await created.ReadAsync(HttpStatusCode.Created);
        Assert.Equal("u-david", delegation.Str("delegator_id"));

        var item = Assert.Single((await felix.QueueAsync()).Items());
        Assert.Equal(req.Id(), item.GetProperty("requisition_id").GetGuid());
        Assert.Equal("u-david", item.Str("on_behalf_of"));

        var decided = await (await felix.DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("u-felix", decided.Str("actor_id"));
        Assert.Equal("u-david", decided.Str("on_behalf_of"));
        Assert.Equal("approved", decided.GetProperty("requisition").Status());
        var slot = decided.GetProperty("requisition").GetProperty("steps")[0].GetProperty("approvers")[0];
        Assert.Equal("u-felix", slot.Str("decided_by"));
        Assert.Equal("u-david", slot.Str("on_behalf_of"));

        var entry = Assert.Single((await hannah.DecisionLogAsync($"?kind=human_decision&requisition={req.Number()}")).Items());
        Assert.Equal("u-felix", entry.Str("actor"));
        Assert.Equal("u-david", entry.Str("on_behalf_of"));
        Assert.Single((await hannah.DecisionLogAsync("?kind=delegation_created")).Items());
    }

    [Fact]
    public async Task A_delegate_who_is_the_requester_cannot_approve_her_own_requisition()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        (await Delegate(david, "u-anna", DateTimeOffset.UtcNow.AddDays(7))).EnsureSuccessStatusCode();

        var response = await anna.DecideAsync(req, "approve", 0);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "sod_requester_cannot_approve");
        Assert.Empty((await anna.QueueAsync()).Items());
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
    }

    [Fact]
    public async Task A_delegation_back_to_the_delegator_is_a_cycle()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var david = tenant.As("u-david");
        using var felix = tenant.As("u-felix");
        using var hannah = tenant.As("u-hannah");
        (await Delegate(david, "u-felix", DateTimeOffset.UtcNow.AddDays(7))).EnsureSuccessStatusCode();

        var response = await Delegate(felix, "u-david", DateTimeOffset.UtcNow.AddDays(3));

        await response.ProblemAsync(HttpStatusCode.Conflict, "delegation_cycle");
        var open = await (await hannah.GetAsync("/api/delegations")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal([("u-david", "u-felix")], open.Items().Select(d => (d.Str("delegator_id"), d.Str("delegate_id"))));
        var refused = Assert.Single((await hannah.DecisionLogAsync("?kind=delegation_refused")).Items());
        Assert.Equal("delegation_cycle", refused.GetProperty("payload").Str("code"));
    }

    [Fact]
    public async Task An_expired_delegation_cannot_be_used()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        using var felix = tenant.As("u-felix");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var now = DateTimeOffset.UtcNow;
        (await Delegate(david, "u-felix", now.AddDays(-1), validFrom: now.AddDays(-8))).EnsureSuccessStatusCode();

        var queue = await felix.QueueAsync();
        var response = await felix.DecideAsync(req, "approve", 0);

        Assert.Empty(queue.Items());
        await response.ProblemAsync(HttpStatusCode.Forbidden, "not_an_approver");
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
    }

    [Fact]
    public async Task A_revoked_delegation_cannot_be_used()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        using var felix = tenant.As("u-felix");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var delegation = await (await Delegate(david, "u-felix", DateTimeOffset.UtcNow.AddDays(7))).ReadAsync(HttpStatusCode.Created);

        var revoked = await david.DeleteAsync(TestApi.Url($"/api/delegations/{delegation.GetProperty("id").GetGuid()}"));

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Empty((await felix.QueueAsync()).Items());
        await (await felix.DecideAsync(req, "approve", 0)).ProblemAsync(HttpStatusCode.Forbidden, "not_an_approver");
    }

    [Fact]
    public async Task Delegating_for_someone_else_needs_the_admin_role()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var felix = tenant.As("u-felix");

        var response = await Delegate(felix, "u-felix", DateTimeOffset.UtcNow.AddDays(7), delegator: "u-david");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "role_required");
    }

    private static Task<HttpResponseMessage> Delegate(HttpClient client, string delegateId, DateTimeOffset validTo,
        DateTimeOffset? validFrom = null, string? delegator = null)
    {
        var body = new JsonObject { ["delegate_id"] = delegateId, ["valid_to"] = validTo };
        if (validFrom is { } from) body["valid_from"] = from;
        if (delegator is not null) body["delegator_id"] = delegator;
        return client.PostJsonAsync("/api/delegations", body);
    }
}
