using System.Net;
using AiGovernance.Api.Tests.Detection;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Models;

[Collection(ApiCollection.Name)]
public sealed class PromotedModelReloadTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_running_service_scores_with_the_promoted_version_without_a_restart_and_with_the_old_one_after_rollback()
    {
        await using var host = await PromotionTestHost.StartAsync(fixture, ("Governance:Detection:Enabled", "true"));
        var champion = host.Registry.ActiveVersion("duplicate")!;
        var challenger = host.AddChallenger("duplicate", 0.96, 0.94);
        using var anna = host.Tenant.As("u-anna");

        Assert.Equal(champion, await ScoredVersionAsync(host, anna, "INV-100"));

        var id = (await host.RequestAsync(host.Tenant.As("u-ivan"), "duplicate", challenger)).PromotionId();
        await (await PromotionTestHost.ApproveAsync(host.Tenant.As("u-hannah"), id)).ReadAsync(HttpStatusCode.OK);
        await WaitForActiveAsync(host, challenger);
        Assert.Equal(challenger, await ScoredVersionAsync(host, anna, "INV-200"));

        await (await host.Tenant.As("u-hannah").PostJsonAsync("/api/models/duplicate/rollback",
            new System.Text.Json.Nodes.JsonObject { ["reason"] = "precision dropped on live traffic" })).ReadAsync(HttpStatusCode.OK);
        await WaitForActiveAsync(host, champion);
        Assert.Equal(champion, await ScoredVersionAsync(host, anna, "INV-300"));

        var scored = await host.LogAsync("detection_scored");
        Assert.Equal([champion, challenger, champion], scored.Select(e =>
            e.Payload().GetProperty("results").Items().Single(r => r.Str("detector") == "duplicate").Str("model_version")));
    }

    private static async Task<string?> ScoredVersionAsync(PromotionTestHost host, HttpClient client, string reference)
    {
        var requisition = await client.SubmitAsync(DetectionTestHost.Requisition("sup-orgenics-ltd", "Gloves, nitrile, size M, box of 100", 10, 8m, reference));
        await host.RunWorkerAsync();
        var detections = (await (await host.Tenant.As("u-grace").GetAsync($"/api/requisitions/{requisition.Id()}/detections")).ReadAsync(HttpStatusCode.OK)).Items();
        return detections.Single(d => d.Str("detector") == "duplicate").Str("model_version");
    }

    /// <summary>The service re-reads registry.json at most every 5 seconds; /api/models shows what it loaded.</summary>
    internal static async Task WaitForActiveAsync(PromotionTestHost host, string version)
    {
        using var ivan = host.Tenant.As("u-ivan");
        for (var i = 0; i < 40; i++)
        {
            var models = (await (await ivan.GetAsync("/api/models")).ReadAsync(HttpStatusCode.OK)).Items();
            if (models.Any(m => m.Str("kind") == "duplicate" && m.Str("version") == version && m.GetProperty("loaded").GetBoolean())) return;
            await Task.Delay(250);
        }
        Assert.Fail($"the service did not load duplicate {version} within 10 s");
    }
}
