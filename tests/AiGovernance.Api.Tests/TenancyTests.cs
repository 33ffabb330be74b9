using System.Net;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class TenancyTests(ApiFixture fixture)
{
    [Fact]
    public async Task Another_tenants_requisition_is_not_found()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        using var annaA = a.As("u-anna");
        using var annaB = b.As("u-anna");
        using var juliaB = b.As("u-julia");
        var req = await annaA.SubmitAsync(TestApi.Requisition(1_000m));

        var asRequester = await annaB.GetAsync($"{TestApi.Requisitions}/{req.Id()}");
        var asAdmin = await juliaB.GetAsync($"{TestApi.Requisitions}/{req.Id()}");

        await asRequester.ProblemAsync(HttpStatusCode.NotFound, "requisition_not_found");
        await asAdmin.ProblemAsync(HttpStatusCode.NotFound, "requisition_not_found");
        Assert.Empty((await (await juliaB.GetAsync(TestApi.Requisitions)).ReadAsync(HttpStatusCode.OK)).Items());
        Assert.Equal(req.Number(), (await annaA.GetRequisitionAsync(req)).Number());
    }

    [Fact]
    public async Task Another_tenants_approver_neither_sees_nor_decides_the_requisition()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        using var annaA = a.As("u-anna");
        using var davidA = a.As("u-david");
        using var davidB = b.As("u-david");
        var req = await annaA.SubmitAsync(TestApi.Requisition(1_000m));

        var queueB = await davidB.QueueAsync();
        var decideB = await davidB.DecideAsync(req, "approve", 0);

        Assert.Empty(queueB.Items());
        await decideB.ProblemAsync(HttpStatusCode.NotFound, "requisition_not_found");
        Assert.Single((await davidA.QueueAsync()).Items());
        Assert.Equal("pending_approval", (await annaA.GetRequisitionAsync(req)).Status());
    }

    [Fact]
    public async Task A_tenants_decision_log_holds_only_its_own_entries()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        using var annaA = a.As("u-anna");
        using var davidA = a.As("u-david");
        using var hannahA = a.As("u-hannah");
        using var hannahB = b.As("u-hannah");
        var req = await annaA.SubmitAsync(TestApi.Requisition(1_000m));
        (await davidA.DecideAsync(req, "approve", 0)).EnsureSuccessStatusCode();

        var logB = (await hannahB.DecisionLogAsync("?limit=1000")).Items().ToList();
        var logA = (await hannahA.DecisionLogAsync("?limit=1000")).Items().ToList();

        Assert.Contains(logA, e => e.Str("subject_id") == req.Number());
        Assert.DoesNotContain(logB, e => e.Str("subject_id") == req.Number());
        Assert.DoesNotContain(logB, e => logA.Any(x => x.GetProperty("seq").GetInt64() == e.GetProperty("seq").GetInt64()));
        Assert.Equal(b.Slug, Assert.Single(logB, e => e.Str("kind") == "tenant_created").Str("subject_id"));
        Assert.Empty((await hannahB.DecisionLogAsync($"?requisition={req.Number()}")).Items());
        Assert.Empty((await hannahB.DecisionLogAsync("?actor=u-anna")).Items());
    }

    [Fact]
    public async Task A_token_for_an_unknown_tenant_sees_nothing()
    {
        var a = await fixture.CreateTenantAsync();
        using var annaA = a.As("u-anna");
        var req = await annaA.SubmitAsync(TestApi.Requisition(1_000m));
        using var stranger = fixture.Factory.CreateClient();
        var token = Infrastructure.TestTokens.For(fixture, Guid.NewGuid(), "u-julia", "admin");
        stranger.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var get = await stranger.GetAsync($"{TestApi.Requisitions}/{req.Id()}");
        var list = await stranger.GetAsync(TestApi.Requisitions);

        await get.ProblemAsync(HttpStatusCode.NotFound, "requisition_not_found");
        Assert.Empty((await list.ReadAsync(HttpStatusCode.OK)).Items());
    }
}
