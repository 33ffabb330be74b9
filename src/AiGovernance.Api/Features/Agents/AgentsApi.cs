using AiGovernance.Api.Features.Models;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Data.Detection;
using AiGovernance.Worker.Detection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Agents;

/// <summary>The agents as this tenant sees them (switched on or off) and their kill switches, mirroring the model switches.</summary>
public static class AgentsApi
{
    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/agents").WithTags("Agents");
        g.MapGet("/", List).WithName("ListAgents");
        g.MapPut("/{agent}/switch", SetSwitch).WithName("SetAgentSwitch").ProducesValidationProblem().ProducesProblem(403);
        return g;
    }

    public static async Task<Ok<IReadOnlyList<AgentView>>> List(HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin, Roles.DataScientist, Roles.Compliance, Roles.ProcurementOps, Roles.Reviewer);
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await ModelStates.AgentsAsync(scope, ct));
    }

    public static async Task<Ok<ModelSwitch>> SetSwitch(string agent, ModelsApi.SwitchRequest request, HttpContext http, TenantDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin);
        // An unknown agent id passes through as itself, so the shared validation names it in the "agent" field error.
        var kind = AgentSwitches.ByAgent.GetValueOrDefault(agent) ?? agent;
        await using var scope = await db.BeginAsync(caller, ct);
        var result = await ChangeKillSwitch.ExecuteAsync(scope, kind, AgentSwitches.Kinds, "agent", request.Enabled, request.Reason, caller.UserId, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(result);
    }
}
