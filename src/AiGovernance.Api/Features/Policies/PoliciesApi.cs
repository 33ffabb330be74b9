using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Core.Policies;
using AiGovernance.Data.Policies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Policies;

public static class PoliciesApi
{
    public static RouteGroupBuilder MapPoliciesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/policies").WithTags("Policies");
        g.MapGet("/", List).WithName("ListPolicies");
        g.MapGet("/{version:int}", Get).WithName("GetPolicy");
        g.MapPost("/", Upload).WithName("UploadPolicy").Accepts<string>("application/yaml", "text/yaml", "text/plain");
        g.MapPost("/validate", Validate).WithName("ValidatePolicy").Accepts<string>("application/yaml", "text/yaml", "text/plain");
        g.MapPost("/{version:int}/activate", Activate).WithName("ActivatePolicy");
        return g;
    }

    public static async Task<Ok<IReadOnlyList<PolicyVersionInfo>>> List(HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin, Roles.Compliance, Roles.ProcurementOps, Roles.Reviewer);
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await PolicyStore.ListAsync(scope, ct));
    }

    public static async Task<IResult> Get(int version, HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin, Roles.Compliance, Roles.ProcurementOps, Roles.Reviewer);
        await using var scope = await db.BeginAsync(caller, ct);
        var yaml = await PolicyStore.GetYamlAsync(scope, version, ct)
            ?? throw DomainException.NotFound("policy_version_not_found", $"Policy version {version} does not exist.");
        return Results.Text(yaml, "application/yaml");
    }

    /// <summary>Stores a new (inactive) version after validation; errors come back with line numbers.</summary>
    public static async Task<Created<PolicyVersionInfo>> Upload(HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin);
        var yaml = await ReadYamlAsync(http, ct);
        await using var scope = await db.BeginAsync(caller, ct);
        var info = await PolicyStore.UploadAsync(scope, yaml, caller.UserId, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Created($"/api/policies/{info.Version}", info);
    }

    public sealed record ValidationResult(bool Valid, string? Name, int Rules, IReadOnlyList<PolicyError> Errors);

    public static async Task<Ok<ValidationResult>> Validate(HttpContext http, CancellationToken ct)
    {
        Caller.RequireAny(http, Roles.Admin, Roles.ProcurementOps, Roles.Compliance);
        var parsed = PolicyParser.Parse(await ReadYamlAsync(http, ct));
        return TypedResults.Ok(new ValidationResult(parsed.IsValid, parsed.Policy?.Name, parsed.Policy?.Rules.Count ?? 0, parsed.Errors));
    }

    public static async Task<Ok<PolicyVersionInfo>> Activate(int version, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin);
        await using var scope = await db.BeginAsync(caller, ct);
        var info = await PolicyStore.ActivateAsync(scope, version, caller.UserId, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(info);
    }

    private static async Task<string> ReadYamlAsync(HttpContext http, CancellationToken ct)
    {
        var yaml = System.Text.Encoding.UTF8.GetString(await RequestBody.ReadAsync(http, ct));
        return string.IsNullOrWhiteSpace(yaml) ? throw ValidationFailedException.Single("body", "send the policy YAML as the request body") : yaml;
    }
}
