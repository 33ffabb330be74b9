using AiGovernance.Core;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Delegations;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Approvals;

/// <summary>The answer to "whom could we choose?": the context it was computed for, the ranking and who was left out.</summary>
public sealed record SuggestionAnswer(
    string For,
    string? CostCentre,
    string? CurrentOwner,
    string? User,
    Guid? Requisition,
    int? Step,
    int WindowDays,
    IReadOnlyList<string> CostCentres,
    IReadOnlyList<string> QualifyingRoles,
    IReadOnlyList<ApproverSuggestion> Suggestions,
    IReadOnlyList<ExcludedCandidate> Excluded,
    string? Note);

/// <summary>
/// What the decision log records when a person applies a suggestion: the rank they were shown, and the ranking as
/// recomputed when they applied it (null rank: the person chosen is not among those suggested now, with why).
/// </summary>
public sealed record AppliedSuggestion(int StatedRank, int? Rank, double? Score, IReadOnlyList<string> Reasons)
{
    public static AppliedSuggestion From(SuggestionAnswer answer, string userId, int statedRank)
    {
        if (answer.Suggestions.FirstOrDefault(s => s.UserId == userId) is { } s) return new AppliedSuggestion(statedRank, s.Rank, s.Score, s.Reasons);
        var excluded = answer.Excluded.FirstOrDefault(e => e.UserId == userId)?.Reason ?? "not among the candidates";
        return new AppliedSuggestion(statedRank, null, null, [$"not suggested now: {excluded}"]);
    }
}

/// <summary>
/// Builds the context for each kind of choice, loads the history in one query (<see cref="ApproverHistory"/>) and ranks
/// it (<see cref="ApproverSuggestions"/>). Reads only.
/// </summary>
public static class SuggestApprovers
{
    public const int DefaultWindowDays = 90;
    public const int MaxWindowDays = 730;

    public static async Task<SuggestionAnswer> ForCostCentreOwnerAsync(TenantScope scope, string code, int days, TimeProvider clock, CancellationToken ct,
        int top = ApproverSuggestions.DefaultTop)
    {
        var cc = await CostCentreOwners.GetAsync(scope, code, ct);
        var policy = await ActivePolicyAsync(scope, ct);
        var now = clock.GetUtcNow();
        var context = new SuggestionContext(SuggestionPurpose.CostCentreOwner, [cc.Code], [cc.LegalEntity], null, days,
            ApproverSuggestionRules.ApprovingRoles(policy), policy.BaseCurrency);
        var history = await ApproverHistory.LoadAsync(scope, new HistoryQuery(now.AddDays(-days), [cc.Code], [cc.LegalEntity], null, now, now.AddTicks(1)), ct);
        var result = ApproverSuggestions.Rank(history, context, top: top);
        return new SuggestionAnswer("cost_centre_owner", cc.Code, cc.OwnerId, null, null, null, days, [cc.Code], [.. context.QualifyingRoles.Keys.Order()],
            result.Suggestions, result.Excluded,
            cc.OwnerId is null ? null : $"{cc.Code} is owned by {cc.OwnerId}; a new owner takes over steps routed from now on.");
    }

    /// <summary>
    /// A delegate for <paramref name="absentUserId"/> during [from, until). History is counted on the cost centre given,
    /// or else on the cost centres the absent person owns (the work that would otherwise wait for them).
    /// </summary>
    public static async Task<SuggestionAnswer> ForDelegateAsync(TenantScope scope, string absentUserId, string? costCentre, string? category,
        DateTimeOffset? from, DateTimeOffset? until, int days, TimeProvider clock, CancellationToken ct, int top = ApproverSuggestions.DefaultTop)
    {
        var absent = await MasterData.GetUserAsync(scope, absentUserId, ct)
            ?? throw DomainException.NotFound("user_not_found", $"User '{absentUserId}' was not found.");
        var now = clock.GetUtcNow();
        var start = from ?? now;
        var end = until ?? start.AddDays(7);
        if (end <= start) throw ValidationFailedException.Single("until", "must be after from");
        var centres = await CostCentreOwners.ListAsync(scope, ct);
        var scoped = costCentre is null ? centres.Where(c => c.OwnerId == absent.Id).ToList()
            : [centres.FirstOrDefault(c => c.Code == costCentre) ?? throw DomainException.NotFound("cost_centre_not_found", $"Cost centre '{costCentre}' was not found.")];
        var codes = scoped.Select(c => c.Code).ToList();
        var entities = scoped.Select(c => c.LegalEntity).Distinct().Order(StringComparer.Ordinal).ToList();
        var policy = await ActivePolicyAsync(scope, ct);
        var context = new SuggestionContext(SuggestionPurpose.Delegate, codes, entities, category, days,
            ApproverSuggestionRules.DelegateRoles(policy, absent.Roles), policy.BaseCurrency);
        var existing = await DelegationStore.ListOpenAsync(scope, ct);
        var history = await ApproverHistory.LoadAsync(scope, new HistoryQuery(now.AddDays(-days), codes, entities, category, start, end), ct);
        var result = ApproverSuggestions.Rank(history, context, c => ApproverSuggestionRules.ExcludedAsDelegate(absent.Id, start, end, existing, c), top);
        return new SuggestionAnswer("delegate", costCentre, null, absent.Id, null, null, days, codes, [.. context.QualifyingRoles.Keys.Order()],
            result.Suggestions, result.Excluded,
            codes.Count == 0 ? $"{absent.Id} owns no cost centre and none was given: ranked on decisions overall." : null);
    }

    /// <summary>Whom to ask on the active step of a pending requisition, among the holders of its open role slots.</summary>
    public static async Task<SuggestionAnswer> ForStepAsync(TenantScope scope, Guid requisitionId, int days, TimeProvider clock, CancellationToken ct,
        int top = ApproverSuggestions.DefaultTop)
    {
        var stored = await RequisitionStore.GetAsync(scope, requisitionId, ct)
            ?? throw DomainException.NotFound("requisition_not_found", $"Requisition {requisitionId} was not found.");
        var r = stored.Requisition;
        if (r.Status != RequisitionStatus.PendingApproval || r.ActiveStep is not { } step)
            throw DomainException.Conflict("requisition_not_pending", $"{r.Number} is {r.Status.ToSnakeCase()}; only a pending requisition has a step to suggest for.");
        var policy = (await PolicyStore.GetByIdAsync(scope, r.PolicyVersionId, PolicyCache.Shared, ct))!.Policy;
        var roles = ApproverSuggestionRules.StepRoles(step, policy);
        if (roles.Count == 0)
            return new SuggestionAnswer("step", r.CostCentre, null, null, r.Id, step.Index, days, [r.CostCentre], [], [], [],
                $"Step '{step.Name}' names its approver ({string.Join(", ", step.OpenSlots().Select(s => s.Approver.ToString()).Distinct())}); there is no choice to suggest.");
        var now = clock.GetUtcNow();
        var context = new SuggestionContext(SuggestionPurpose.Step, [r.CostCentre], [r.LegalEntity], r.Category, days, roles, policy.BaseCurrency);
        var history = await ApproverHistory.LoadAsync(scope, new HistoryQuery(now.AddDays(-days), [r.CostCentre], [r.LegalEntity], r.Category, now, now.AddTicks(1)), ct);
        var result = ApproverSuggestions.Rank(history, context, c => ApproverSuggestionRules.ExcludedFromStep(r, step, policy, c), top);
        return new SuggestionAnswer("step", r.CostCentre, null, null, r.Id, step.Index, days, [r.CostCentre], [.. roles.Keys.Order()],
            result.Suggestions, result.Excluded, null);
    }

    private static async Task<Core.Policies.ApprovalPolicy> ActivePolicyAsync(TenantScope scope, CancellationToken ct) =>
        (await PolicyStore.GetActiveAsync(scope, PolicyCache.Shared, ct))?.Policy
            ?? throw DomainException.Conflict("no_active_policy", "The tenant has no active policy.");
}
