using AiGovernance.Api.Features.Policies;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Core.Delegations;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Delegations;
using AiGovernance.Data.Directory;
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

    /// <summary>DelegatorId may name someone else only for admins (setting up cover for an absent colleague).</summary>
    public sealed record CreateDelegationRequest(string? DelegateId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, string? Reason, string? DelegatorId);

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
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.DelegateId)) errors.Add("delegate_id", "is required");
        if (request.ValidTo is null) errors.Add("valid_to", "is required");
        if (request.Reason is { Length: > 1000 }) errors.Add("reason", "must be at most 1000 characters");
        errors.ThrowIfAny();
        var delegator = request.DelegatorId ?? caller.UserId;
        if (delegator != caller.UserId && !caller.Roles.Contains(Roles.Admin))
            throw DomainException.Forbidden("role_required", "Only an admin may create a delegation for someone else.");
        var now = clock.GetUtcNow();
        var proposed = new Delegation(Guid.CreateVersion7(now), delegator, request.DelegateId!, request.ValidFrom ?? now, request.ValidTo!.Value, request.Reason);

        await using var scope = await db.BeginAsync(caller, ct);
        var users = await MasterData.GetUsersAsync(scope, [proposed.DelegatorId, proposed.DelegateId], ct);
        if (users.All(u => u.Id != proposed.DelegateId || !u.Active)) throw ValidationFailedException.Single("delegate_id", $"unknown or inactive user '{proposed.DelegateId}'");
        if (users.All(u => u.Id != proposed.DelegatorId)) throw ValidationFailedException.Single("delegator_id", $"unknown user '{proposed.DelegatorId}'");
        try
        {
            DelegationRules.Validate(proposed, await DelegationStore.ListOpenAsync(scope, ct, lockForCycleCheck: true));
        }
        catch (DomainException ex)
        {
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.DelegationRefused, caller.UserId, "delegation", proposed.Id.ToString(),
                new { proposed.DelegatorId, proposed.DelegateId, code = ex.Code, reason = ex.Message }), clock, ct);
            await scope.CommitAsync(ct);
            throw;
        }
        await DelegationStore.InsertAsync(scope, proposed, now, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.DelegationCreated, caller.UserId, "delegation", proposed.Id.ToString(),
            new { proposed.DelegatorId, proposed.DelegateId, proposed.ValidFrom, proposed.ValidTo, proposed.Reason }), clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Created($"/api/delegations/{proposed.Id}", proposed);
    }

    public static async Task<NoContent> Revoke(Guid id, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        await using var scope = await db.BeginAsync(caller, ct);
        var open = (await DelegationStore.ListOpenAsync(scope, ct)).FirstOrDefault(d => d.Id == id)
            ?? throw DomainException.NotFound("delegation_not_found", $"Delegation {id} was not found or is already revoked.");
        if (open.DelegatorId != caller.UserId && !caller.Roles.Contains(Roles.Admin))
            throw DomainException.Forbidden("not_the_delegator", "Only the delegator or an admin may revoke a delegation.");
        await DelegationStore.RevokeAsync(scope, id, open.DelegatorId, clock.GetUtcNow(), ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.DelegationRevoked, caller.UserId, "delegation", id.ToString(),
            new { open.DelegatorId, open.DelegateId }), clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
