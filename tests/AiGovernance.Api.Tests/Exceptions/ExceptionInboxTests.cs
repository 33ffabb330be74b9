using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Recommendations;
using AiGovernance.Data.Exceptions;

namespace AiGovernance.Api.Tests.Exceptions;

[Collection(ApiCollection.Name)]
public sealed class ExceptionInboxTests(ApiFixture fixture)
{
    private const string Path = "/api/exceptions";

    [Fact]
    public async Task An_AI_flag_becomes_a_ranked_exception_and_the_reviewers_rejection_dismisses_it()
    {
        var tenant = await fixture.CreateTenantAsync();
        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(4200));
        var rec = await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id(), reason: "probable duplicate of REQ-000042"));
        await tenant.ProjectExceptionsAsync();

        var ops = tenant.As("u-felix");
        var inbox = await (await ops.GetAsync(Path)).ReadAsync(HttpStatusCode.OK);
        var item = Assert.Single(inbox.Items(), e => e.Str("type") == "probable_duplicate");
        Assert.Equal("probable duplicate of REQ-000042", item.Str("title"));
        Assert.Equal(req.Id(), item.GetProperty("requisition_id").GetGuid());
        Assert.Equal("procurement_ops", item.Str("owner_queue"));
        var triage = item.GetProperty("triage");
        Assert.Equal(0.93, triage.GetProperty("probability").GetProperty("value").GetDouble(), 3);
        Assert.Contains("4,200 at risk", triage.GetProperty("impact").Str("why"), StringComparison.Ordinal);
        Assert.InRange(triage.GetProperty("score").GetDouble(), 0.0001, 1);

        (await tenant.As("u-grace").DecideOnAsync(rec, "reject", "same lines but a different delivery site")).EnsureSuccessStatusCode();
        await tenant.ProjectExceptionsAsync();
        Assert.DoesNotContain((await (await ops.GetAsync(Path)).ReadAsync(HttpStatusCode.OK)).Items(), e => e.Str("type") == "probable_duplicate");
        var closed = await (await ops.GetAsync($"{Path}/{item.Str("id")}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("dismissed", closed.Str("status"));
        Assert.Equal("u-grace", closed.Str("decided_by"));
        Assert.Contains("different delivery site", closed.Str("resolution"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_resolve_and_dismiss_are_validated_logged_and_refused_once_closed()
    {
        var tenant = await fixture.CreateTenantAsync();
        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(900));
        await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id()));
        await tenant.ProjectExceptionsAsync();
        var ops = tenant.As("u-felix");
        var id = (await (await ops.GetAsync(Path)).ReadAsync(HttpStatusCode.OK)).Items().First().Str("id");

        await (await tenant.As("u-david").GetAsync(Path)).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await ops.PostJsonAsync($"{Path}/{id}/assign", new JsonObject { ["assignee"] = "u-nobody" })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        var assigned = await (await ops.PostJsonAsync($"{Path}/{id}/assign", new JsonObject { ["assignee"] = "u-grace" })).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("assigned", "u-grace"), (assigned.Str("status"), assigned.Str("assigned_to")));
        await (await ops.PostJsonAsync($"{Path}/{id}/dismiss", new JsonObject())).ProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        var dismissed = await (await ops.PostJsonAsync($"{Path}/{id}/dismiss", new JsonObject { ["reason"] = "known supplier re-send" })).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("dismissed", dismissed.Str("status"));
        await (await ops.PostJsonAsync($"{Path}/{id}/resolve", new JsonObject { ["reason"] = "x" })).ProblemAsync(HttpStatusCode.Conflict, "exception_closed");
        await (await ops.GetAsync($"{Path}/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound, "exception_not_found");

        var log = await tenant.As("u-hannah").DecisionLogAsync("?kind=exception_decided");
        Assert.Equal(["assign", "dismiss"], log.Items().Select(e => e.GetProperty("payload").Str("action")!).ToArray());
    }

    [Fact]
    public async Task Projecting_again_after_a_crash_or_from_two_workers_neither_loses_nor_duplicates()
    {
        var tenant = await fixture.CreateTenantAsync();
        var anna = tenant.As("u-anna");
        for (var i = 0; i < 3; i++)
        {
            var req = await anna.SubmitAsync(TestApi.Requisition(1000 + i));
            await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id(), inputHash: $"sha256:{i}"));
        }
        // Two projectors at once: the checkpoint lock serializes them.
        await Task.WhenAll(ProjectAsync(tenant), ProjectAsync(tenant));
        Assert.Equal(3, await CountAsync(tenant));

        // A crash after writing exceptions but before the checkpoint committed looks like a checkpoint left behind.
        await using (var scope = await tenant.OwnerScopeAsync())
        {
            await using var reset = scope.Command("UPDATE exception_checkpoints SET last_seq = 0");
            await reset.ExecuteNonQueryAsync();
            await scope.CommitAsync();
        }
        await ProjectAsync(tenant);
        Assert.Equal(3, await CountAsync(tenant));
    }

    [Fact]
    public async Task The_running_worker_raises_the_exception_by_itself()
    {
        // The shared host runs its worker loop: the log entry schedules the projector and wakes the loop.
        var tenant = await fixture.CreateTenantAsync();
        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(2100));
        await tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id(), reason: "raised by the worker"));
        var ops = tenant.As("u-felix");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var inbox = await (await ops.GetAsync(Path)).ReadAsync(HttpStatusCode.OK);
            if (inbox.Items().Any(e => e.Str("title") == "raised by the worker")) return;
            Assert.True(DateTime.UtcNow < deadline, "the worker did not raise the exception within 30 s");
            await Task.Delay(100);
        }
    }

    private static async Task ProjectAsync(TestTenant tenant)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        await ExceptionProjector.ProjectAsync(scope, TimeProvider.System, 500, CancellationToken.None);
        await scope.CommitAsync();
    }

    private static async Task<long> CountAsync(TestTenant tenant)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        await using var cmd = scope.Command("SELECT count(*) FROM exceptions");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
