using AiGovernance.Api.Infrastructure;
using AiGovernance.Core.Delegations;
using AiGovernance.Data.Delegations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Delegations;

public static class DelegationsApi
{
    public static RouteGroupBuilder MapDelegationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/delegations").WithTags("Delegations");
        g.MapGet("/", List).WithName("ListDelegations");
        g.MapPost("/", Create).WithName("CreateDelegation");
        g.MapDelete("/{id:guid}", Revoke).WithName("RevokeDelegation");
        return g;
    }

    /// <summary>
    /// DelegatorId may name someone else only for admins (setting up cover for an absent colleague). SuggestionRank says the
    /// delegate was chosen from <c>GET /api/approver-suggestions?for=delegate</c>; the log entry then records the suggestion.
    /// </summary>
    public sealed record CreateDelegationRequest(string? DelegateId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, string? Reason, string? DelegatorId,
        int? SuggestionRank = null);

    public static async Task<Ok<IReadOnlyList<Delegation>>> List(HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        await using var scope = await db.BeginAsync(caller, ct);
        var all = await DelegationStore.ListOpenAsync(scope, ct);
        var visible = caller.IsInAnyRole(Roles.Admin, Roles.Compliance) ? all
            : all.Where(d => d.DelegatorId == caller.UserId || d.DelegateId == caller.UserId).ToList();
        return TypedResults.Ok(visible);
    }

    public static async Task<Created<Delegation>> Create(CreateDelegationRequest request, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        await using var scope = await db.BeginAsync(caller, ct);
        var created = await ManageDelegations.CreateAsync(scope, caller.AsActor(),
            new DelegationRequest(request.DelegatorId, request.DelegateId, request.ValidFrom, request.ValidTo, request.Reason, request.SuggestionRank), clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Created($"/api/delegations/{created.Id}", created);
    }

    public static async Task<NoContent> Revoke(Guid id, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        await using var scope = await db.BeginAsync(caller, ct);
        await ManageDelegations.RevokeAsync(scope, caller.AsActor(), id, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
