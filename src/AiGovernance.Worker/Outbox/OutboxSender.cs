using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AiGovernance.Core.Integration;
using AiGovernance.Data;
using AiGovernance.Data.Outbox;

namespace AiGovernance.Worker.Outbox;

public sealed record SendOutcome(bool Delivered, int? StatusCode, string? Error)
{
    /// <summary>What the receiving side answered, when it is worth logging (the SMTP server's reply).</summary>
    public string? Detail { get; init; }

    public static SendOutcome Failed(string error, int? statusCode = null) => new(false, statusCode, error);
}

/// <summary>
/// One signed POST of an outbox message: body {id, topic, idempotency_key, created_at, data}, signed
/// over "{timestamp}.{body}" with the tenant's outbound secret. Never throws for a failed delivery.
/// </summary>
public sealed class OutboxSender(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string TenantHeader = "X-AiGov-Tenant";

    public async Task<SendOutcome> SendAsync(OutboxMessage message, Guid tenantId, string endpoint, string secret, CancellationToken ct)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return SendOutcome.Failed($"ERP endpoint '{endpoint}' is not an absolute http(s) URL");
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            message.Id,
            message.Topic,
            message.IdempotencyKey,
            message.CreatedAt,
            Data = message.Payload,
        }, Json.Options);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(IdempotencyHeader, message.IdempotencyKey);
        request.Headers.Add(TenantHeader, tenantId.ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        try
        {
            using var response = await httpClients.CreateClient(OutboxOptions.HttpClientName).SendAsync(request, ct);
            if (response.IsSuccessStatusCode) return new SendOutcome(true, (int)response.StatusCode, null);
            // Only the status: the body of whatever answered is not ours to show to tenant users.
            return SendOutcome.Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(), (int)response.StatusCode);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Connection refused, DNS, TLS or the client timeout: all mean "not delivered, try again".
            return SendOutcome.Failed($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
