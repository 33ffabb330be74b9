using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Core.Integration;

namespace AiGovernance.Api.Tests.Webhooks;

/// <summary>
/// Plays the ERP: signs events for one tenant with its inbound secret (created through the integration
/// API, as an admin would) and posts them without a bearer token.
/// </summary>
public sealed class ErpWebhook(TestTenant tenant, HttpClient anonymous, HttpClient admin, string secret)
{
    public const string Path = "/api/webhooks/erp";

    public TestTenant Tenant => tenant;
    public HttpClient Admin => admin;
    public string Secret { get; private set; } = secret;

    public static async Task<ErpWebhook> ForNewTenantAsync(ApiFixture fixture)
    {
        var tenant = await fixture.CreateTenantAsync();
        var admin = tenant.As("u-julia");
        var (_, secret) = await CreateSecretAsync(admin);
        return new ErpWebhook(tenant, fixture.Factory.CreateClient(), admin, secret);
    }

    public static async Task<(Guid Id, string Secret)> CreateSecretAsync(HttpClient admin, string direction = "inbound")
    {
        var created = await (await admin.PostJsonAsync("/api/integration/webhook-secrets", new JsonObject { ["direction"] = direction }))
            .ReadAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), created.Str("secret")!);
    }

    public void UseSecret(string newSecret) => Secret = newSecret;

    public static JsonObject Event(string id, string type, JsonObject data, long? version = null)
    {
        var e = new JsonObject { ["id"] = id, ["type"] = type, ["occurred_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), ["data"] = data };
        if (version is { } v) e["version"] = v;
        return e;
    }

    /// <summary>A requisition.created event: a valid submission body for u-anna plus the ERP's id.</summary>
    public static JsonObject Created(string eventId, string erpId, decimal amount = 1500m, long? version = null)
    {
        var data = TestApi.Requisition(amount);
        data["requester_id"] = "u-anna";
        data["external_erp_id"] = erpId;
        return Event(eventId, "requisition.created", data, version);
    }

    /// <summary>Signs and sends; <paramref name="age"/> moves the signed timestamp into the past (negative: the future).</summary>
    public Task<HttpResponseMessage> SendAsync(JsonNode body, TimeSpan age = default, string? secretOverride = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var ts = (DateTimeOffset.UtcNow - age).ToUnixTimeSeconds();
        return SendSignedAsync(bytes, ts, WebhookSignature.Sign(secretOverride ?? Secret, ts, bytes));
    }

    /// <summary>Sends exactly these bytes and headers (a replay sends the same ones twice).</summary>
    public Task<HttpResponseMessage> SendSignedAsync(byte[] body, long timestamp, string signature, Guid? tenantId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TestApi.Url(Path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-AiGov-Tenant", (tenantId ?? tenant.Id).ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        return anonymous.SendAsync(request);
    }

    public async Task<IReadOnlyList<JsonElement>> RequisitionsAsync() =>
        (await (await admin.GetAsync(TestApi.Requisitions)).ReadAsync(HttpStatusCode.OK)).Items().ToList();

    public async Task<JsonElement> RequisitionByErpIdAsync(string erpId) =>
        (await RequisitionsAsync()).Single(r => r.GetProperty("external_erp_id").GetString() == erpId);

    public async Task<IReadOnlyList<JsonElement>> LogAsync(string kind) =>
        (await admin.DecisionLogAsync($"?kind={kind}&limit=1000")).Items().ToList();

    public async Task<long> CountAsync(string sql)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        await using var cmd = scope.Command(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public Task<long> EventCountAsync() => CountAsync("SELECT count(*) FROM webhook_events");
}

public static class WebhookResponses
{
    public static async Task<JsonElement> ProcessedAsync(this HttpResponseMessage response, string expectedStatus = "processed")
    {
        var body = await response.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(expectedStatus, body.Str("status"));
        return body.GetProperty("result");
    }
}
