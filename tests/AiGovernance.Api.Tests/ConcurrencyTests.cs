using System.Net;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ConcurrencyTests(ApiFixture fixture)
{
    [Fact]
    public async Task Fifty_parallel_approvals_of_one_step_apply_exactly_once()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        using var hannah = tenant.As("u-hannah");
        // Two steps, so the losers race against an approved step 0 while the requisition is still pending.
        var req = await anna.SubmitAsync(TestApi.Requisition(5_000m, category: "Diagnostics", supplier: "sup-chembio-diagnostic-systems-inc"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => david.DecideAsync(req, "approve", 0)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.Conflict));
        foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await loser.ReadAsync(HttpStatusCode.Conflict);
            Assert.Contains(problem.Str("code"), new[] { "step_not_active", "already_decided" });
        }

        var stored = await anna.GetRequisitionAsync(req);
        Assert.Equal("pending_approval", stored.Status());
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
        Assert.Equal(["approved", "active"], stored.GetProperty("steps").Items().Select(s => s.Str("status")));
        Assert.Single((await hannah.DecisionLogAsync($"?kind=human_decision&requisition={req.Number()}")).Items());
        Assert.Equal(1L, await CountDecisionRowsAsync(tenant, req.Id()));
        Assert.True((await (await hannah.GetAsync("/api/decision-log/verify")).ReadAsync(HttpStatusCode.OK)).GetProperty("valid").GetBoolean());
    }

    private static async Task<long> CountDecisionRowsAsync(TestTenant tenant, Guid requisitionId)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        await using var cmd = scope.Command("SELECT count(*) FROM approval_decisions WHERE requisition_id = $1");
        cmd.Parameters.AddWithValue(requisitionId);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
