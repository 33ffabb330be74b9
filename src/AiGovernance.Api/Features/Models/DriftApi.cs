using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Worker.Drift;
using AiGovernance.Worker.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Models;

/// <summary>Drift of the caller's tenant's live traffic against the active model's training data (see <see cref="DriftMonitor"/>).</summary>
public static class DriftApi
{
    public static RouteGroupBuilder MapDriftApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/models").WithTags("Models");
        g.MapGet("/{kind}/drift", Get).WithName("GetModelDrift").ProducesValidationProblem().ProducesProblem(403);
        return g;
    }

    public static async Task<Ok<DriftReport>> Get(string kind, HttpContext http, TenantDb db, DriftMonitor monitor, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.DataScientist, Roles.Compliance, Roles.Admin);
        if (!RequestPromotion.Kinds.Contains(kind, StringComparer.Ordinal))
            throw ValidationFailedException.Single("kind", $"must be one of {string.Join(", ", RequestPromotion.Kinds)}");
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await monitor.MeasureAsync(scope, kind, ct));
    }
}
