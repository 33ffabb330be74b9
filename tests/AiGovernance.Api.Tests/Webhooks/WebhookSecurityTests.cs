using System.Net;
using System.Text;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Core.Integration;

namespace AiGovernance.Api.Tests.Webhooks;

/// <summary>Bad signature, stale timestamp, replay: 401, nothing changes, and the refusal is in the decision log.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookSecurityTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_wrong_signature_is_refused_without_effect_and_logged()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);

        var response = await erp.SendAsync(ErpWebhook.Created("evt-1", "ERP-1"), secretOverride: "not-the-tenant-secret");

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "webhook_signature_invalid");
        await AssertNoEffectAsync(erp);
        var rejected = Assert.Single(await erp.LogAsync("webhook_rejected"));
        Assert.Equal("webhook_signature_invalid", rejected.GetProperty("payload").Str("code"));
        Assert.Equal("erp", rejected.Str("actor"));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        var signed = Encoding.UTF8.GetBytes(ErpWebhook.Created("evt-1", "ERP-1", 100m).ToJsonString());
        var tampered = Encoding.UTF8.GetBytes(ErpWebhook.Created("evt-1", "ERP-1", 99000m).ToJsonString());
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var response = await erp.SendSignedAsync(tampered, ts, WebhookSignature.Sign(erp.Secret, ts, signed));

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "webhook_signature_invalid");
        await AssertNoEffectAsync(erp);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    public async Task A_timestamp_outside_the_tolerance_is_refused_in_either_direction(int minutesOld)
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);

        var response = await erp.SendAsync(ErpWebhook.Created("evt-1", "ERP-1"), TimeSpan.FromMinutes(minutesOld));

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "webhook_timestamp_stale");
        await AssertNoEffectAsync(erp);
        Assert.Equal("webhook_timestamp_stale", Assert.Single(await erp.LogAsync("webhook_rejected")).GetProperty("payload").Str("code"));
    }

    [Fact]
    public async Task The_identical_request_sent_twice_is_a_replay_and_has_no_second_effect()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        var body = Encoding.UTF8.GetBytes(ErpWebhook.Created("evt-1", "ERP-1").ToJsonString());
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(erp.Secret, ts, body);

        var first = await erp.SendSignedAsync(body, ts, signature);
        var replay = await erp.SendSignedAsync(body, ts, signature);

        Assert.Equal("created", (await first.ProcessedAsync()).Str("status"));
        await replay.ProblemAsync(HttpStatusCode.Unauthorized, "webhook_replayed");
        Assert.Single(await erp.RequisitionsAsync());
        Assert.Equal(1, await erp.EventCountAsync());
        Assert.Equal("webhook_replayed", Assert.Single(await erp.LogAsync("webhook_rejected")).GetProperty("payload").Str("code"));
        Assert.Single(await erp.LogAsync("webhook_processed"));
    }

    [Fact]
    public async Task Missing_headers_and_an_unknown_tenant_are_refused()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        var body = Encoding.UTF8.GetBytes(ErpWebhook.Created("evt-1", "ERP-1").ToJsonString());
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(erp.Secret, ts, body);
        using var anonymous = fixture.Factory.CreateClient();

        var unknownTenant = await erp.SendSignedAsync(body, ts, signature, Guid.NewGuid());
        var noHeaders = await anonymous.PostAsync(TestApi.Url(ErpWebhook.Path), new ByteArrayContent(body));
        var badTimestamp = await erp.SendSignedAsync(body, 0, signature);

        await unknownTenant.ProblemAsync(HttpStatusCode.Unauthorized, "webhook_signature_invalid");
        await noHeaders.ProblemAsync(HttpStatusCode.Unauthorized, "webhook_signature_invalid");
        await badTimestamp.ProblemAsync(HttpStatusCode.Unauthorized, "webhook_timestamp_stale");
        await AssertNoEffectAsync(erp);
    }

    [Fact]
    public async Task During_rotation_both_secrets_are_accepted_and_the_old_one_is_refused_once_deactivated()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        var secrets = (await (await erp.Admin.GetAsync("/api/integration/webhook-secrets")).ReadAsync(HttpStatusCode.OK)).Items().ToList();
        var oldId = Assert.Single(secrets).GetProperty("id").GetGuid();
        var oldSecret = erp.Secret;
        var (_, newSecret) = await ErpWebhook.CreateSecretAsync(erp.Admin);

        var withOld = await erp.SendAsync(ErpWebhook.Created("evt-old", "ERP-OLD"), secretOverride: oldSecret);
        var withNew = await erp.SendAsync(ErpWebhook.Created("evt-new", "ERP-NEW"), secretOverride: newSecret);
        (await erp.Admin.PostAsync(TestApi.Url($"/api/integration/webhook-secrets/{oldId}/deactivate"), null)).EnsureSuccessStatusCode();
        var oldAfter = await erp.SendAsync(ErpWebhook.Created("evt-old-2", "ERP-OLD-2"), secretOverride: oldSecret);
        var newAfter = await erp.SendAsync(ErpWebhook.Created("evt-new-2", "ERP-NEW-2"), secretOverride: newSecret);

        await withOld.ProcessedAsync();
        await withNew.ProcessedAsync();
        await oldAfter.ProblemAsync(HttpStatusCode.Unauthorized, "webhook_signature_invalid");
        await newAfter.ProcessedAsync();
        Assert.Equal(["ERP-NEW", "ERP-NEW-2", "ERP-OLD"],
            (await erp.RequisitionsAsync()).Select(r => r.Str("external_erp_id")!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Unauthenticated_webhook_traffic_is_rate_limited()
    {
        await using var factory = ApiFixture.CreateFactory(("Governance:Api:PermitsPerMinute", "3"));
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.PostAsync(TestApi.Url(ErpWebhook.Path), new StringContent("{}"))).StatusCode);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task AssertNoEffectAsync(ErpWebhook erp)
    {
        Assert.Empty(await erp.RequisitionsAsync());
        Assert.Equal(0, await erp.EventCountAsync());
        Assert.Equal(0, await erp.CountAsync("SELECT count(*) FROM requisitions"));
        Assert.Empty(await erp.LogAsync("webhook_processed"));
    }
}
