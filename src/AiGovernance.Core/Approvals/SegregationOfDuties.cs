using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Approvals;

/// <summary>
/// Segregation-of-duties rules. They bind people, not roles: holding both requester and approver
/// roles never lets anyone approve their own requisition.
/// </summary>
public static class SegregationOfDuties
{
    public const string RequesterCannotApprove = "sod_requester_cannot_approve";
    public const string OnePersonTwoSteps = "sod_one_person_two_steps";
    public const string AuthorityLimitExceeded = "authority_limit_exceeded";
    public const string NotAnApprover = "not_an_approver";
    public const string AlreadyDecided = "already_decided";

    /// <summary>
    /// Picks the open slot the actor fills, directly or for a delegator, after checking that neither
    /// the actor nor the person they act for is the requester or has filled another slot of the chain.
    /// </summary>
    public static (ApprovalSlot Slot, ApprovalActor? Principal) ChooseSlot(
        Requisition requisition, ApprovalStep step, ApprovalActor actor, IReadOnlyList<ApprovalActor> delegators)
    {
        var open = step.OpenSlots().ToList();
        var direct = open.FirstOrDefault(s => s.Admits(actor));
        ApprovalActor? principal = null;
        var slot = direct;
        if (slot is null)
        {
            foreach (var d in delegators)
            {
                slot = open.FirstOrDefault(s => s.Admits(d));
                if (slot is null) continue;
                principal = d;
                break;
            }
        }

        // SoD is checked before eligibility so a requester who is also an approver hears the real reason.
        CheckNotRequester(requisition, actor.UserId);
        if (principal is not null) CheckNotRequester(requisition, principal.UserId);

        var people = principal is null ? [actor.UserId] : new[] { actor.UserId, principal.UserId };
        foreach (var other in requisition.Steps.SelectMany(s => s.Slots.Select(sl => (s, sl))))
        {
            var overlap = other.sl.People().FirstOrDefault(people.Contains);
            if (overlap is null) continue;
            if (other.s.Index == step.Index)
                throw DomainException.Conflict(AlreadyDecided,
                    $"{overlap} already decided step '{step.Name}' of {requisition.Number}.");
            throw DomainException.Forbidden(OnePersonTwoSteps,
                $"{overlap} already acted on step '{other.s.Name}' of {requisition.Number}; one person may not fill two steps of one chain.");
        }

        if (slot is null)
        {
            var wanted = string.Join(", ", open.Select(s => s.Approver.ToString()).Distinct());
            throw DomainException.Forbidden(NotAnApprover,
                $"{actor.UserId} is not an approver of step '{step.Name}' of {requisition.Number} (needs {wanted}).");
        }
        return (slot, principal);
    }

    public static void CheckAuthority(Requisition requisition, ApprovalActor approver, ApprovalPolicy policy)
    {
        var limit = policy.AuthorityLimitFor(approver.Roles) ?? 0m;
        if (requisition.AmountInBase > limit)
            throw DomainException.Forbidden(AuthorityLimitExceeded,
                $"{approver.UserId}'s authority limit is {limit:N2} {requisition.BaseCurrency}; " +
                $"{requisition.Number} is {requisition.AmountInBase:N2} {requisition.BaseCurrency}.");
    }

    private static void CheckNotRequester(Requisition requisition, string userId)
    {
        if (string.Equals(userId, requisition.RequesterId, StringComparison.Ordinal))
            throw DomainException.Forbidden(RequesterCannotApprove,
                $"{userId} requested {requisition.Number} and may not decide on it.");
    }
}
