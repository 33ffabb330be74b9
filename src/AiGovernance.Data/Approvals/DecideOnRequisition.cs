using AiGovernance.Core;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Delegations;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Approvals;

/// <summary>
/// A human decision on a requisition. The row lock makes concurrent decisions on one step apply one
/// at a time; the losers see the changed state and get a 409 from the domain.
/// </summary>
public static class DecideOnRequisition
{
    /// <summary>
    /// Checks a person's decision as typed (API body or page form): approve, reject or request_info, with a
    /// reason for anything but an approval.
    /// </summary>
    public static DecisionKind ParseDecision(string? decision, string? comment)
    {
        if (!EnumNames.TryParseSnake<DecisionKind>(decision, out var kind))
            throw ValidationFailedException.Single("decision", "must be one of approve, reject, request_info");
        if (kind != DecisionKind.Approve && string.IsNullOrWhiteSpace(comment))
            throw ValidationFailedException.Single("comment", "a reason is required to reject or to request information");
        if (comment is { Length: > 4000 }) throw ValidationFailedException.Single("comment", "must be at most 4000 characters");
        return kind;
    }

    public static async Task<(StoredRequisition Requisition, DecisionOutcome Outcome)> ExecuteAsync(TenantScope scope, ApprovalActor actor,
        Guid requisitionId, DecisionKind kind, int? stepIndex, string? comment, PolicyCache policies, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stored = await RequisitionStore.LoadForUpdateAsync(scope, requisitionId, ct)
            ?? throw DomainException.NotFound("requisition_not_found", $"Requisition {requisitionId} was not found.");
        var r = stored.Requisition;
        // Policy versions never change, so a cached one saves the round trip.
        var policy = policies.TryGet(r.PolicyVersionId, out var cached) ? cached
            : (await PolicyStore.GetByIdAsync(scope, r.PolicyVersionId, policies, ct))!.Policy;
        var delegators = await DelegatorsIfNeededAsync(scope, r, actor, now, ct);

        DecisionOutcome outcome;
        try
        {
            outcome = r.Decide(actor, delegators, kind, stepIndex, comment, policy, now);
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.Forbidden)
        {
            // The refusal changes nothing but is itself a governance event: log it and commit the log entry.
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.SodRefusal, actor.UserId, "requisition", r.Number,
                new { requisition_id = r.Id, decision = kind, code = ex.Code, reason = ex.Message, step = r.ActiveStep?.Index }), clock, ct);
            await scope.CommitAsync(ct);
            throw;
        }

        await RequisitionStore.SaveApprovalStateAsync(scope, r, now, ct);
        await RequisitionStore.InsertDecisionAsync(scope, r.Id, outcome, now, ct);
        if (outcome.StatusAfter == RequisitionStatus.Approved && outcome.StatusBefore != RequisitionStatus.Approved)
            await RequisitionApproved.OnApprovedAsync(scope, r, clock, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.HumanDecision, actor.UserId, "requisition", r.Number,
            new
            {
                requisition_id = r.Id,
                decision = outcome.Kind,
                step = outcome.StepIndex,
                step_name = outcome.StepName,
                slot = outcome.SlotIndex,
                outcome.Comment,
                status_before = outcome.StatusBefore,
                status_after = outcome.StatusAfter,
                amount_base = r.AmountInBase,
                r.BaseCurrency,
            }, outcome.OnBehalfOf), clock, ct);
        return (stored with { UpdatedAt = now }, outcome);
    }

    public static async Task<StoredRequisition> ProvideInformationAsync(TenantScope scope, string actorId, Guid requisitionId, string? comment,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stored = await RequisitionStore.LoadForUpdateAsync(scope, requisitionId, ct)
            ?? throw DomainException.NotFound("requisition_not_found", $"Requisition {requisitionId} was not found.");
        stored.Requisition.ProvideInformation(actorId);
        await RequisitionStore.SaveApprovalStateAsync(scope, stored.Requisition, now, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.InformationProvided, actorId, "requisition",
            stored.Requisition.Number, new { requisition_id = requisitionId, comment }), clock, ct);
        return stored with { UpdatedAt = now };
    }

    /// <summary>Delegations matter only when the actor cannot fill an open slot themselves; skip the lookup otherwise.</summary>
    private static async Task<IReadOnlyList<ApprovalActor>> DelegatorsIfNeededAsync(TenantScope scope, Requisition r, ApprovalActor actor,
        DateTimeOffset now, CancellationToken ct)
    {
        if (r.ActiveStep is not { } step || step.OpenSlots().Any(s => s.Admits(actor))) return [];
        var delegations = await DelegationStore.ActiveForDelegateAsync(scope, actor.UserId, now, ct);
        if (delegations.Count == 0) return [];
        var users = await MasterData.GetUsersAsync(scope, delegations.Select(d => d.DelegatorId).ToList(), ct);
        return users.Where(u => u.Active).Select(u => new ApprovalActor(u.Id, u.Roles.ToHashSet(StringComparer.Ordinal))).ToList();
    }
}
