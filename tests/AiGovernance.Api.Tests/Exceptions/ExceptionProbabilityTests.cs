using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Detection;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Models;
using AiGovernance.Api.Tests.Recommendations;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Api.Tests.Exceptions;

/// <summary>
/// The learned probability part: the worker scores a newly raised exception with the active exception-probability
/// model (the shipped one in models/), the inbox names the model, the batch is in the decision log; with the model's
/// kill switch off the inbox keeps the blend.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExceptionProbabilityTests(ApiFixture fixture)
{
    private static readonly string ActiveVersion =
        new ModelRegistry(ModelRegistry.Locate(null, AppContext.BaseDirectory)).ActiveVersion("exception-probability")
        ?? throw new InvalidOperationException("models/registry.json names no active exception-probability model");

    [Fact]
    public async Task A_newly_raised_exception_gets_the_models_probability_and_the_scoring_is_logged()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture);
        var item = await RaiseDuplicateFlagAsync(host, 4200);

        var probability = item.GetProperty("triage").GetProperty("probability");
        Assert.StartsWith($"model {ActiveVersion} learned from reviewers' outcomes: ", probability.Str("why"), StringComparison.Ordinal);
        var (stored, version) = await StoredAsync(host, item);
        Assert.Equal(ActiveVersion, version);
        Assert.NotNull(stored);
        Assert.InRange(stored.Value, 0, 1);
        Assert.Equal(stored.Value, probability.GetProperty("value").GetDouble(), 4);
        // Not the blend's value (the detector said 0.93 and nothing was decided yet, so the blend would be exactly 0.93).
        Assert.NotEqual(0.93, stored.Value, 4);

        var logged = Assert.Single((await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=exceptions_scored")).Items());
        var payload = logged.GetProperty("payload");
        Assert.Equal(ActiveVersion, payload.Str("model_version"));
        var score = Assert.Single(payload.GetProperty("scores").Items(), s => s.Str("exception_id") == item.Str("id"));
        Assert.Equal(stored.Value, score.GetProperty("probability").GetDouble(), 4);

        // Scored once: running the worker again writes no second entry.
        await host.RunWorkerAsync();
        Assert.Single((await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=exceptions_scored")).Items());
    }

    [Fact]
    public async Task An_exception_of_a_type_the_model_never_learned_keeps_the_blend()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture);
        var req = await host.Tenant.As("u-anna").SubmitAsync(TestApi.Requisition(4200));
        var hold = RecommendationApi.Hold(req.Id(), inputHash: "sha256:doc-mismatch", reason: "the quote's total differs from the requisition");
        hold["payload"] = new JsonObject { ["reason"] = "the quote's total differs from the requisition", ["check"] = "amount_mismatch" };
        hold["producer"] = new JsonObject { ["name"] = "document-cross-check", ["prompt_version"] = "cross-check-1" };
        await host.Tenant.Agent().PostAsync(hold);
        await host.RunWorkerAsync();

        var inbox = await (await host.Tenant.As("u-felix").GetAsync("/api/exceptions")).ReadAsync(HttpStatusCode.OK);
        var item = Assert.Single(inbox.Items(), e => e.Str("type") == "document_mismatch");
        Assert.StartsWith("detector confidence 0.93", item.GetProperty("triage").GetProperty("probability").Str("why"), StringComparison.Ordinal);
        Assert.Equal((null, null), await StoredAsync(host, item));
    }

    [Fact]
    public async Task With_the_model_switched_off_for_the_tenant_the_inbox_is_back_on_the_blend_and_nothing_new_is_scored()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture);
        var scored = await RaiseDuplicateFlagAsync(host, 4200);
        Assert.StartsWith("model ", scored.GetProperty("triage").GetProperty("probability").Str("why"), StringComparison.Ordinal);

        var off = await (await host.Tenant.As("u-julia").PutAsync(TestApi.Url("/api/models/exception-probability/switch"),
            TestApi.JsonBody(new JsonObject { ["enabled"] = false, ["reason"] = "trained on simulated outcomes only" }))).ReadAsync(HttpStatusCode.OK);
        Assert.False(off.GetProperty("enabled").GetBoolean());

        // The exception scored before the switch: its stored probability no longer counts.
        var before = await (await host.Tenant.As("u-felix").GetAsync($"/api/exceptions/{scored.Str("id")}")).ReadAsync(HttpStatusCode.OK);
        Assert.StartsWith("detector confidence 0.93", before.GetProperty("triage").GetProperty("probability").Str("why"), StringComparison.Ordinal);
        // A new one is not scored at all.
        var item = await RaiseDuplicateFlagAsync(host, 4300);
        var probability = item.GetProperty("triage").GetProperty("probability");
        Assert.StartsWith("detector confidence 0.93", probability.Str("why"), StringComparison.Ordinal);
        Assert.Equal((null, null), await StoredAsync(host, item));
        Assert.Single((await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=exceptions_scored")).Items());
    }

    [Fact]
    public async Task A_promoted_version_is_approved_by_a_second_person_and_scores_the_next_exception()
    {
        await using var host = await PromotionTestHost.StartAsync(fixture, ("Governance:Detection:Enabled", "true"));
        const string kind = "exception-probability";
        var champion = host.Registry.ActiveVersion(kind)!;
        // A challenger: the champion's model under a new version whose held-out AUC (the kind's primary metric) is higher.
        var challenger = $"test-{Guid.NewGuid():N}"[..16];
        var dir = host.Registry.DirectoryOf(kind, challenger);
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(host.Registry.DirectoryOf(kind, champion), "model.zip"), Path.Combine(dir, "model.zip"));
        var metrics = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(host.Registry.DirectoryOf(kind, champion), "metrics.json")))!.AsObject();
        var championAuc = metrics["primary_metric"]!["auc"]!.GetValue<double>();
        metrics["version"] = challenger;
        metrics["primary_metric"] = new JsonObject { ["name"] = "auc", ["auc"] = championAuc + 0.01 };
        await File.WriteAllTextAsync(Path.Combine(dir, "metrics.json"), metrics.ToJsonString());

        var requested = await host.RequestAsync(host.Tenant.As("u-ivan"), kind, challenger);
        Assert.Equal(champion, requested.Str("from_version"));
        (await PromotionTestHost.ApproveAsync(host.Tenant.As("u-hannah"), requested.PromotionId())).EnsureSuccessStatusCode();
        Assert.Equal(challenger, host.Registry.ActiveVersion(kind));

        // The next exception is scored with the promoted version (this host's worker reads the registry for the first time now).
        var req = await host.Tenant.As("u-anna").SubmitAsync(TestApi.Requisition(1200));
        await host.Tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id()));
        await host.Tenant.RunJobsAsync();
        var item = Assert.Single((await (await host.Tenant.As("u-felix").GetAsync("/api/exceptions")).ReadAsync(HttpStatusCode.OK)).Items(),
            e => e.Str("type") == "probable_duplicate");
        Assert.StartsWith($"model {challenger} learned", item.GetProperty("triage").GetProperty("probability").Str("why"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decided_exceptions_are_read_for_training_with_the_facts_known_when_they_were_raised()
    {
        var tenant = await fixture.CreateTenantAsync();
        var ops = tenant.As("u-felix");
        var first = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(900));
        await tenant.Agent().PostAsync(RecommendationApi.Hold(first.Id(), inputHash: "sha256:a"));
        await tenant.ProjectExceptionsAsync();
        var firstId = (await (await ops.GetAsync("/api/exceptions")).ReadAsync(HttpStatusCode.OK)).Items().Single().Str("id");
        (await ops.PostJsonAsync($"/api/exceptions/{firstId}/dismiss", new JsonObject { ["reason"] = "standing order" })).EnsureSuccessStatusCode();

        var second = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(5000));
        await tenant.Agent().PostAsync(RecommendationApi.Hold(second.Id(), inputHash: "sha256:b"));
        await tenant.ProjectExceptionsAsync();
        var secondId = (await (await ops.GetAsync("/api/exceptions")).ReadAsync(HttpStatusCode.OK)).Items().Single().Str("id");
        (await ops.PostJsonAsync($"/api/exceptions/{secondId}/resolve", new JsonObject { ["reason"] = "paid twice" })).EnsureSuccessStatusCode();

        await using var scope = await tenant.OwnerScopeAsync();
        var decided = await AiGovernance.Worker.Exceptions.ExceptionFactsAtRaise.DecidedAsync(scope, null, null, CancellationToken.None);

        Assert.Equal(new[] { firstId!, secondId! }, decided.Select(d => d.Id.ToString()).ToArray());
        Assert.False(decided[0].Real);
        Assert.True(decided[1].Real);
        // The first was raised before anything was decided; the second after the first was dismissed — not after its own resolution.
        Assert.Equal((0, 0), (decided[0].Facts.TypeReal, decided[0].Facts.TypeDismissed));
        Assert.Equal((0, 1), (decided[1].Facts.TypeReal, decided[1].Facts.TypeDismissed));
        Assert.Equal((0, 1), (decided[1].Facts.SupplierReal, decided[1].Facts.SupplierDismissed));
        Assert.Equal(("probable_duplicate", 0.93, 5000m), (decided[1].Facts.Type, decided[1].Facts.Confidence!.Value, decided[1].Facts.AmountAtRisk!.Value));
    }

    private static async Task<JsonElement> RaiseDuplicateFlagAsync(DetectionTestHost host, decimal amount)
    {
        var req = await host.Tenant.As("u-anna").SubmitAsync(TestApi.Requisition(amount));
        await host.Tenant.Agent().PostAsync(RecommendationApi.Hold(req.Id(), inputHash: $"sha256:{amount}"));
        // The worker projects the log into the inbox, then (its own job, after that commit) scores what was raised.
        await host.RunWorkerAsync();
        var inbox = await (await host.Tenant.As("u-felix").GetAsync("/api/exceptions")).ReadAsync(HttpStatusCode.OK);
        // The agent's hold (the duplicate detector of this host may add its own for a later requisition of the same lines).
        return Assert.Single(inbox.Items(), e => e.Str("title") == "probable duplicate of REQ-000001" && e.GetProperty("requisition_id").GetGuid() == req.Id());
    }

    private static async Task<(double? Probability, string? Version)> StoredAsync(DetectionTestHost host, JsonElement item)
    {
        await using var scope = await host.Tenant.OwnerScopeAsync();
        await using var cmd = scope.Command("SELECT model_probability, model_version FROM exceptions WHERE id = $1");
        cmd.Parameters.AddWithValue(Guid.Parse(item.Str("id")!));
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return (r.IsDBNull(0) ? null : r.GetDouble(0), r.IsDBNull(1) ? null : r.GetString(1));
    }
}
