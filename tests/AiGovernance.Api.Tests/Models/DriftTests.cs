using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Models;

[Collection(ApiCollection.Name)]
public sealed class DriftTests(ApiFixture fixture)
{
    [Fact]
    public async Task Live_scores_and_amounts_unlike_the_training_data_raise_a_drift_alert_for_the_tenant()
    {
        await using var host = await PromotionTestHost.StartAsync(fixture);
        var version = host.Registry.ActiveVersion("duplicate")!;
        // The trainer's record of its own scores: 90 % of training pairs scored under 0.1.
        var metricsFile = Path.Combine(host.Registry.DirectoryOf("duplicate", version), "metrics.json");
        var metrics = JsonNode.Parse(await File.ReadAllTextAsync(metricsFile))!.AsObject();
        metrics["score_distribution"] = new JsonObject { ["edges"] = new JsonArray(0.1, 0.5), ["proportions"] = new JsonArray(0.9, 0.05, 0.05), ["count"] = 13000 };
        await File.WriteAllTextAsync(metricsFile, metrics.ToJsonString());

        using var anna = host.Tenant.As("u-anna");
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++) // amounts around 2,000,000: far above the training data's amounts
            ids.Add((await anna.SubmitAsync(TestApi.Requisition(2_000_000m + i))).Id());
        await using (var scope = await host.Tenant.OwnerScopeAsync())
        {
            foreach (var id in ids)
            {
                await using var cmd = scope.Command("""
                    INSERT INTO detection_results (requisition_id, tenant_id, detector, model_version, score, flagged, details, input_hash, scored_at)
                    VALUES ($1, $2, 'duplicate', $3, 0.7, false, '{}', 'test', now())
                    """);
                cmd.Parameters.AddWithValue(id);
                cmd.Parameters.AddWithValue(host.Tenant.Id);
                cmd.Parameters.AddWithValue(version);
                await cmd.ExecuteNonQueryAsync();
            }
            await scope.CommitAsync();
        }

        var drift = await (await host.Tenant.As("u-hannah").GetAsync("/api/models/duplicate/drift")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("tenant", version), (drift.Str("scope"), drift.Str("model_version")));
        Assert.Equal(0.2, drift.GetProperty("threshold").GetDouble());
        Assert.True(drift.GetProperty("alert").GetBoolean());
        var score = drift.GetProperty("score");
        Assert.Equal(60, score.GetProperty("live_count").GetInt32());
        Assert.True(score.GetProperty("psi").GetDouble() > 0.2);
        Assert.Equal(3, score.GetProperty("bins").GetArrayLength());
        var amount = Assert.Single(drift.GetProperty("features").Items());
        Assert.Equal("amount_log10", amount.Str("name"));
        Assert.True(amount.GetProperty("alert").GetBoolean());
        Assert.Equal(2, drift.GetProperty("alerts").GetArrayLength());

        await (await host.Tenant.As("u-anna").GetAsync("/api/models/duplicate/drift")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await host.Tenant.As("u-ivan").GetAsync("/api/models/split-purchase/drift")).ValidationErrorsAsync("kind");
    }

    [Fact]
    public async Task Without_live_traffic_or_a_recorded_score_distribution_drift_says_why_and_does_not_alert()
    {
        await using var host = await PromotionTestHost.StartAsync(fixture, ("Governance:Retraining:DriftAlertPsi", "0.1"));
        // The shipped versions carry their score distribution (aigov models describe-scores); with no live scores it says so.
        var shipped = await (await host.Tenant.As("u-ivan").GetAsync("/api/models/price-variance/drift")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("no live values in the window", shipped.GetProperty("score").Str("note"));
        Assert.True(shipped.GetProperty("score").GetProperty("reference_count").GetInt64() > 10_000);
        // A version trained before trainers recorded it: the note names what is missing.
        var metricsFile = Path.Combine(host.Registry.DirectoryOf("price-variance", host.Registry.ActiveVersion("price-variance")!), "metrics.json");
        var metrics = JsonNode.Parse(await File.ReadAllTextAsync(metricsFile))!.AsObject();
        Assert.True(metrics.Remove("score_distribution"));
        await File.WriteAllTextAsync(metricsFile, metrics.ToJsonString());

        var drift = await (await host.Tenant.As("u-ivan").GetAsync("/api/models/price-variance/drift")).ReadAsync(HttpStatusCode.OK);
        Assert.False(drift.GetProperty("alert").GetBoolean());
        Assert.Equal(0.1, drift.GetProperty("threshold").GetDouble());
        Assert.Contains("no score_distribution", drift.GetProperty("score").Str("note"));
        var price = Assert.Single(drift.GetProperty("features").Items());
        Assert.Equal(("unit_price_log10", "no live values in the window"), (price.Str("name"), price.Str("note")));
        Assert.True(price.GetProperty("reference_count").GetInt64() > 1000);
    }
}
