using System.Security.Cryptography;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Core.Integration;
using AiGovernance.Data;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Tenancy;
using AiGovernance.Data.Webhooks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Api.Features.Webhooks;

public static partial class WebhooksApi
{
    public const string TenantHeader = "X-AiGov-Tenant";

    public sealed record WebhookResponse(string Status, string EventId, System.Text.Json.JsonElement Result);

    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/webhooks").WithTags("Webhooks");
        // No bearer token: the ERP authenticates each request with the tenant's webhook signature instead.
        g.MapPost("/erp", Receive).AllowAnonymous().WithName("ReceiveErpWebhook")
            .Produces<WebhookResponse>(200).ProducesProblem(401).ProducesProblem(422).ProducesProblem(409);
        return g;
    }

    /// <summary>
    /// Authenticates the raw body by signature, refuses replays, then applies the event exactly once:
    /// the event id is recorded in the same transaction as the effect, so a redelivery (also a
    /// concurrent one) answers "duplicate" with the first result and changes nothing.
    /// </summary>
    public static async Task<IResult> Receive(HttpContext http, NpgsqlDataSource db, PolicyCache policies, TimeProvider clock,
        IOptions<WebhookOptions> options, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(WebhooksApi).FullName!);
        var body = await RequestBody.ReadAsync(http, ct);
        var bodySha = Convert.ToHexStringLower(SHA256.HashData(body));
        var timestamp = http.Request.Headers[WebhookSignature.TimestampHeader].FirstOrDefault();
        var signature = http.Request.Headers[WebhookSignature.SignatureHeader].FirstOrDefault()?.Trim();
        if (!Guid.TryParse(http.Request.Headers[TenantHeader].FirstOrDefault(), out var tenantId))
            return Unauthorized("webhook_signature_invalid", $"The {TenantHeader} header must name the tenant (a GUID).");

        IReadOnlyList<string> secrets;
        bool seen;
        await using (var check = await TenantScope.BeginAsync(db, tenantId, ct))
        {
            // An unknown tenant gets the same answer as a wrong signature, so tenant ids cannot be probed.
            if (!await IntegrationSettings.TenantExistsAsync(check, ct))
                return Unauthorized("webhook_signature_invalid", "The signature does not match any active secret of the tenant.");
            secrets = await IntegrationSettings.ActiveSecretsAsync(check, "inbound", ct);
            seen = signature is { Length: > 0 } && await WebhookEvents.SignatureSeenAsync(check, signature, ct);
        }

        var verdict = WebhookSignature.Verify(secrets, timestamp, signature, body, clock.GetUtcNow(), options.Value.Tolerance);
        var refusal = verdict switch
        {
            WebhookSignature.Verdict.Valid when seen => ("webhook_replayed", "This exact signed request was already received; a replay has no effect."),
            WebhookSignature.Verdict.Valid => default,
            WebhookSignature.Verdict.StaleTimestamp => ("webhook_timestamp_stale",
                $"The signed timestamp is outside the tolerance of {options.Value.Tolerance.TotalSeconds:0} seconds; sign the request again."),
            WebhookSignature.Verdict.MissingHeaders => ("webhook_signature_invalid",
                $"The {WebhookSignature.TimestampHeader} and {WebhookSignature.SignatureHeader} headers are required."),
            WebhookSignature.Verdict.MalformedTimestamp => ("webhook_signature_invalid", $"{WebhookSignature.TimestampHeader} must be Unix seconds."),
            _ => ("webhook_signature_invalid", "The signature does not match any active secret of the tenant."),
        };
        if (refusal.Item1 is { } code) return await RejectAsync(http, db, tenantId, code, refusal.Item2, bodySha, clock, logger, ct);

        var envelope = WebhookEnvelope.Parse(body);
        await using var scope = await TenantScope.BeginAsync(db, tenantId, ct);
        RecordedWebhookEvent? earlier;
        try
        {
            earlier = await WebhookEvents.ClaimAsync(scope, envelope.Id!, envelope.Type!, signature!, bodySha, clock.GetUtcNow(), ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == WebhookEvents.SignatureIndex)
        {
            // The same signed request raced itself under another event id: the second copy is a replay.
            return await RejectAsync(http, db, tenantId, "webhook_replayed", "This exact signed request was already received.", bodySha, clock, logger, ct);
        }
        if (earlier is not null)
        {
            // Identical copies that raced each other are replays; a re-signed redelivery is a duplicate.
            if (earlier.Signature == signature)
                return await RejectAsync(http, db, tenantId, "webhook_replayed", "This exact signed request was already received.", bodySha, clock, logger, ct);
            return TypedResults.Ok(new WebhookResponse("duplicate", envelope.Id!, Parse(earlier.ResultJson ?? "null")));
        }

        var result = await WebhookHandlers.ApplyAsync(scope, envelope, policies, clock, ct);
        var resultJson = await WebhookEvents.CompleteAsync(scope, envelope.Id!, Json.Serialize(result), ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.WebhookProcessed, WebhookEvents.Actor, "webhook", envelope.Id,
            new { event_id = envelope.Id, type = envelope.Type, version = envelope.Version, occurred_at = envelope.OccurredAt, body_sha256 = bodySha, result }), clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(new WebhookResponse("processed", envelope.Id!, Parse(resultJson)));
    }

    private static async Task<IResult> RejectAsync(HttpContext http, NpgsqlDataSource db, Guid tenantId, string code, string reason, string bodySha,
        TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        LogRejected(logger, tenantId, code);
        if (http.RequestServices.GetRequiredService<RejectionLogBudget>().TryTake(tenantId, out var suppressed))
            await WebhookEvents.LogRejectionAsync(db, tenantId, code, suppressed > 0 ? $"{reason} ({suppressed} earlier rejections this minute were not logged here)" : reason,
                bodySha, http.Connection.RemoteIpAddress?.ToString(), clock, ct);
        return Unauthorized(code, reason);
    }

    private static IResult Unauthorized(string code, string detail) => TypedResults.Problem(ProblemMapping.Problem(401, code, detail));

    private static System.Text.Json.JsonElement Parse(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook for tenant {TenantId} rejected: {Code}")]
    private static partial void LogRejected(ILogger logger, Guid tenantId, string code);
}
