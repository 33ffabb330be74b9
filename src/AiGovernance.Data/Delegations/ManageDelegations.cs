using AiGovernance.Core;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Delegations;
using AiGovernance.Data.Approvals;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Delegations;

/// <summary>What someone asks for; <see cref="DelegatorId"/> null means "for myself".</summary>
/// <param name="SuggestionRank">Set when the person chose the delegate from the suggested delegates (the rank they were shown).</param>
public sealed record DelegationRequest(string? DelegatorId, string? DelegateId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, string? Reason,
    int? SuggestionRank = null);

/// <summary>
/// Creating and revoking delegations, for the API and the administration page alike: who may act for whom,
/// the validation, the cycle check and the decision-log entries are decided here once.
/// </summary>
public static class ManageDelegations
{
    /// <summary>Only admins set up cover for someone else (an absent colleague); everyone else delegates their own approvals.</summary>
    public const string ActsForOthersRole = "admin";

    public static bool MayActFor(ApprovalActor actor, string delegatorId) =>
        delegatorId == actor.UserId || actor.Roles.Contains(ActsForOthersRole);

    /// <summary>Validates and stores the delegation. A refused one is logged (and committed) before the refusal is thrown.</summary>
    public static async Task<Delegation> CreateAsync(TenantScope scope, ApprovalActor actor, DelegationRequest request, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.DelegateId)) errors.Add("delegate_id", "is required");
        if (request.ValidTo is null) errors.Add("valid_to", "is required");
        if (request.Reason is { Length: > 1000 }) errors.Add("reason", "must be at most 1000 characters");
        if (request.SuggestionRank is < 1) errors.Add("suggestion_rank", "must be 1 or more");
        errors.ThrowIfAny();
        var delegator = string.IsNullOrWhiteSpace(request.DelegatorId) ? actor.UserId : request.DelegatorId;
        if (!MayActFor(actor, delegator))
            throw DomainException.Forbidden("role_required", "Only an admin may create a delegation for someone else.");
        var now = clock.GetUtcNow();
        var proposed = new Delegation(Guid.CreateVersion7(now), delegator, request.DelegateId!, request.ValidFrom ?? now, request.ValidTo!.Value, request.Reason);

        var users = await MasterData.GetUsersAsync(scope, [proposed.DelegatorId, proposed.DelegateId], ct);
        if (users.All(u => u.Id != proposed.DelegateId || !u.Active)) throw ValidationFailedException.Single("delegate_id", $"unknown or inactive user '{proposed.DelegateId}'");
        if (users.All(u => u.Id != proposed.DelegatorId)) throw ValidationFailedException.Single("delegator_id", $"unknown user '{proposed.DelegatorId}'");
        try
        {
            DelegationRules.Validate(proposed, await DelegationStore.ListOpenAsync(scope, ct, lockForCycleCheck: true));
        }
        catch (DomainException ex)
        {
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.DelegationRefused, actor.UserId, "delegation", proposed.Id.ToString(),
                new { proposed.DelegatorId, proposed.DelegateId, code = ex.Code, reason = ex.Message }), clock, ct);
            await scope.CommitAsync(ct);
            throw;
        }
        // The ranking is recomputed now (before the new delegation exists), so the log shows the reasons as they stood when it was applied.
        var suggestion = request.SuggestionRank is { } stated
            ? AppliedSuggestion.From(await SuggestApprovers.ForDelegateAsync(scope, proposed.DelegatorId, null, null, proposed.ValidFrom, proposed.ValidTo,
                SuggestApprovers.DefaultWindowDays, clock, ct, top: int.MaxValue), proposed.DelegateId, stated)
            : null;
        await DelegationStore.InsertAsync(scope, proposed, now, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.DelegationCreated, actor.UserId, "delegation", proposed.Id.ToString(),
            new { proposed.DelegatorId, proposed.DelegateId, proposed.ValidFrom, proposed.ValidTo, proposed.Reason, suggestion }), clock, ct);
        return proposed;
    }

    public static async Task<Delegation> RevokeAsync(TenantScope scope, ApprovalActor actor, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var open = (await DelegationStore.ListOpenAsync(scope, ct)).FirstOrDefault(d => d.Id == id)
            ?? throw DomainException.NotFound("delegation_not_found", $"Delegation {id} was not found or is already revoked.");
        if (open.DelegatorId != actor.UserId && !actor.Roles.Contains(ActsForOthersRole))
            throw DomainException.Forbidden("not_the_delegator", "Only the delegator or an admin may revoke a delegation.");
        await DelegationStore.RevokeAsync(scope, id, open.DelegatorId, clock.GetUtcNow(), ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.DelegationRevoked, actor.UserId, "delegation", id.ToString(),
            new { open.DelegatorId, open.DelegateId }), clock, ct);
        return open;
    }
}
