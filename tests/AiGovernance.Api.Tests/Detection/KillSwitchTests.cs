using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Detection;

[Collection(ApiCollection.Name)]
public sealed class KillSwitchTests(ApiFixture fixture)
{
    [Fact]
    public async Task An_admin_switches_the_duplicate_model_off_for_the_tenant_and_scoring_falls_back_to_rules()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture);
        using var julia = host.Tenant.As("u-julia");
        await (await julia.PutAsync(TestApi.Url("/api/models/duplicate/switch"), TestApi.JsonBody(new JsonObject { ["enabled"] = false })))
            .ValidationErrorsAsync("reason");
        await (await host.Tenant.As("u-grace").PutAsync(TestApi.Url("/api/models/duplicate/switch"),
            TestApi.JsonBody(new JsonObject { ["enabled"] = false, ["reason"] = "x" }))).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await julia.PutAsync(TestApi.Url("/api/models/nonsense/switch"),
            TestApi.JsonBody(new JsonObject { ["enabled"] = false, ["reason"] = "x" }))).ValidationErrorsAsync("kind");

        var off = await (await julia.PutAsync(TestApi.Url("/api/models/duplicate/switch"),
            TestApi.JsonBody(new JsonObject { ["enabled"] = false, ["reason"] = "false positives on standing orders" }))).ReadAsync(HttpStatusCode.OK);
        Assert.False(off.GetProperty("enabled").GetBoolean());

        var models = (await (await julia.GetAsync("/api/models")).ReadAsync(HttpStatusCode.OK)).Items().ToList();
        var dup = Assert.Single(models, m => m.Str("kind") == "duplicate");
        Assert.False(dup.GetProperty("enabled").GetBoolean());
        Assert.Equal("tenant", dup.Str("disabled_by"));
        Assert.True(Assert.Single(models, m => m.Str("kind") == "price-variance").GetProperty("enabled").GetBoolean());

        using var anna = host.Tenant.As("u-anna");
        var body = DetectionTestHost.Requisition("sup-orgenics-ltd", "Gloves, nitrile, size M, box of 100", 10, 8m, "INV-1");
        await host.SubmitAndScoreAsync(anna, body);
        var second = await host.SubmitAndScoreAsync(anna, DetectionTestHost.Requisition("sup-orgenics-ltd", "Gloves, nitrile, size M, box of 100", 10, 8m, "INV-1"));

        Assert.DoesNotContain(await host.DetectionsAsync(second), d => d.Str("detector") == "duplicate");
        var scored = (await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=detection_scored")).Items().Last();
        var skip = Assert.Single(scored.GetProperty("payload").GetProperty("skipped").Items(), x => x.Str("kind") == "duplicate");
        Assert.Equal("switched off for this tenant by u-julia: false positives on standing orders", skip.Str("why"));
        var logged = Assert.Single((await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=kill_switch_changed")).Items());
        Assert.Equal(("u-julia", "duplicate"), (logged.Str("actor"), logged.Str("subject_id")));
        Assert.Equal("false positives on standing orders", logged.GetProperty("payload").Str("reason"));
    }

    [Fact]
    public async Task Configuration_switches_a_model_off_for_every_tenant()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture, ("Governance:Detection:Disabled:0", "price-variance"));
        var models = (await (await host.Tenant.As("u-julia").GetAsync("/api/models")).ReadAsync(HttpStatusCode.OK)).Items().ToList();
        var price = Assert.Single(models, m => m.Str("kind") == "price-variance");
        Assert.Equal("configuration", price.Str("disabled_by"));
    }

    [Fact]
    public async Task A_corrupt_model_file_degrades_health_with_a_clear_message_and_routing_goes_on()
    {
        var dir = Directory.CreateTempSubdirectory("aigov-models-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "duplicate", "v-broken"));
        await File.WriteAllTextAsync(Path.Combine(dir, "duplicate", "v-broken", "model.zip"), "this is not a zip file");
        await File.WriteAllTextAsync(Path.Combine(dir, "registry.json"), """{ "active": { "duplicate": "v-broken" } }""");
        await using var host = await DetectionTestHost.StartAsync(fixture, ("Governance:Detection:ModelsDirectory", dir));

        using var client = host.Factory.CreateClient();
        var health = await client.GetAsync(TestApi.Url("/health/ready"));
        var text = await health.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Degraded\"", text);
        Assert.Contains("could not be loaded", text);

        using var anna = host.Tenant.As("u-anna");
        var req = await host.SubmitAndScoreAsync(anna, DetectionTestHost.Requisition("sup-orgenics-ltd", "Face masks FFP2, box of 20", 50, 30m));
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
        var models = (await (await host.Tenant.As("u-julia").GetAsync("/api/models")).ReadAsync(HttpStatusCode.OK)).Items().ToList();
        var dup = Assert.Single(models, m => m.Str("kind") == "duplicate");
        Assert.False(dup.GetProperty("loaded").GetBoolean());
        Assert.Contains("could not be loaded", dup.Str("status"));
        Assert.Contains("no active price-variance model", Assert.Single(models, m => m.Str("kind") == "price-variance").Str("status"));
        var scored = Assert.Single((await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=detection_scored")).Items());
        var skip = Assert.Single(scored.GetProperty("payload").GetProperty("skipped").Items(), x => x.Str("kind") == "duplicate");
        Assert.Contains("could not be loaded", skip.Str("why"));
    }
}
