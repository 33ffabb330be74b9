using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Data.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Integration;

/// <summary>Integration settings (admin only): webhook secrets and their rotation, and where PO releases are sent.</summary>
public static class IntegrationApi
{
    public sealed record CreateSecretRequest(string? Direction);

    /// <summary>Returned once, at creation: the secret is never readable again.</summary>
    public sealed record CreatedSecret(Guid Id, string Direction, bool Active, DateTimeOffset CreatedAt, string Secret);

    public sealed record ErpEndpointRequest(string? Url);

    public sealed record ErpEndpoint(string? Url);

    public static RouteGroupBuilder MapIntegrationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/integration").WithTags("Integration");
        g.MapPost("/webhook-secrets", CreateSecret).WithName("CreateWebhookSecret").ProducesProblem(422).ProducesProblem(403);
        g.MapGet("/webhook-secrets", ListSecrets).WithName("ListWebhookSecrets").ProducesProblem(403);
        g.MapPost("/webhook-secrets/{id:guid}/deactivate", DeactivateSecret).WithName("DeactivateWebhookSecret")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(403);
        g.MapGet("/erp-endpoint", GetErpEndpoint).WithName("GetErpEndpoint").ProducesProblem(403);
        g.MapPut("/erp-endpoint", SetErpEndpoint).WithName("SetErpEndpoint").ProducesProblem(422).ProducesProblem(403);
        return g;
    }

    /// <summary>Rotation: create a new secret, switch the ERP to it, then deactivate the old one; both verify meanwhile.</summary>
    public static async Task<Created<CreatedSecret>> CreateSecret(CreateSecretRequest request, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin);
        if (request.Direction is null || !IntegrationSettings.Directions.Contains(request.Direction))
            throw ValidationFailedException.Single("direction", "must be inbound or outbound");
        await using var scope = await db.BeginAsync(caller, ct);
        var (info, secret) = await IntegrationSettings.CreateSecretAsync(scope, request.Direction, caller.UserId, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Created($"/api/integration/webhook-secrets/{info.Id}",
            new CreatedSecret(info.Id, info.Direction, info.Active, info.CreatedAt, secret));
    }

    public static async Task<Ok<IReadOnlyList<WebhookSecretInfo>>> ListSecrets(HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin);
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await IntegrationSettings.ListSecretsAsync(scope, ct));
    }

    public static async Task<Ok<WebhookSecretInfo>> DeactivateSecret(Guid id, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin);
        await using var scope = await db.BeginAsync(caller, ct);
        var info = await IntegrationSettings.DeactivateSecretAsync(scope, id, caller.UserId, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(info);
    }

    public static async Task<Ok<ErpEndpoint>> GetErpEndpoint(HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin);
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(new ErpEndpoint(await IntegrationSettings.GetErpEndpointAsync(scope, ct)));
    }

    public static async Task<Ok<ErpEndpoint>> SetErpEndpoint(ErpEndpointRequest request, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin);
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw ValidationFailedException.Single("url", "must be an absolute http or https URL");
        if (request.Url!.Length > 2000) throw ValidationFailedException.Single("url", "must be at most 2000 characters");
        if (AiGovernance.Worker.Outbox.EndpointGuard.NamesPrivateHost(uri)
            && !http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AiGovernance.Worker.Outbox.OutboxOptions>>().Value.AllowPrivateEndpoints)
            throw ValidationFailedException.Single("url", "must not point at a loopback or private network address");
        await using var scope = await db.BeginAsync(caller, ct);
        await IntegrationSettings.SetErpEndpointAsync(scope, request.Url, caller.UserId, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(new ErpEndpoint(request.Url));
    }
}
