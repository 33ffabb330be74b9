using AiGovernance.Core.Approvals;
using AiGovernance.Core.Checks;
using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Requisitions;

/// <summary>What applying the checks did to a requisition.</summary>
public enum CheckTransition
{
    /// <summary>Nothing held or rejected it: the chain runs (or the requisition stays auto-approved).</summary>
    Proceeds,
    Rejected,
    /// <summary>Newly put on hold.</summary>
    Held,
    /// <summary>Was on hold and still is (possibly for other reasons).</summary>
    StillHeld,
    /// <summary>Was on hold; the chain has now started.</summary>
    Released,
}

/// <summary>Holds and flags from the checks before approval (supplier master, budget).</summary>
public sealed partial record Requisition
{
    /// <summary>Why the requisition waits; empty unless it is on hold.</summary>
    public List<CheckReason> HoldReasons { get; set; } = [];

    /// <summary>Warnings for the approvers (e.g. budget_insufficient) and why a check rejected it.</summary>
    public List<CheckReason> Flags { get; set; } = [];

    /// <summary>
    /// Applies a check outcome right after routing (before anyone decided) or while on hold. A chain that
    /// has decisions is never reset: a hold must not undo human decisions. Reasons and flags with codes the
    /// checks do not own are kept, so other holds (e.g. an AI hold) survive a re-check.
    /// </summary>
    public CheckTransition ApplyChecks(CheckOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var wasHeld = Status == RequisitionStatus.OnHold;
        var untouched = Steps.All(s => s.Slots.All(x => x.Status == SlotStatus.Pending));
        if (!wasHeld && !(untouched && Status is RequisitionStatus.PendingApproval or RequisitionStatus.AutoApproved))
            throw DomainException.Conflict("requisition_not_checkable",
                $"Requisition {Number} is {Status.ToSnakeCase()}; checks apply only before the first decision or while on hold.");

        var otherHolds = HoldReasons.Where(r => !CheckCodes.Owned.Contains(r.Code)).ToList();
        Flags = [.. Flags.Where(r => !CheckCodes.Owned.Contains(r.Code)), .. outcome.Flags];
        if (outcome.ExtraStep is { } extra && Steps.All(s => s.Name != extra.Name))
            Steps.Add(OverrideStep(extra));

        if (outcome.Rejections.Count > 0)
        {
            if (untouched) ResetChain();
            HoldReasons = otherHolds;
            Flags.AddRange(outcome.Rejections);
            Status = RequisitionStatus.Rejected;
            return CheckTransition.Rejected;
        }
        HoldReasons = [.. otherHolds, .. outcome.Holds];
        if (HoldReasons.Count > 0)
        {
            // A chain in progress (held by someone else mid-way) keeps its state for when that hold is lifted.
            if (untouched) ResetChain();
            Status = RequisitionStatus.OnHold;
            return wasHeld ? CheckTransition.StillHeld : CheckTransition.Held;
        }
        if (untouched)
        {
            // Start from the top: nobody has decided, and an appended override step may turn an auto-approval into a chain.
            ResetChain();
            StartApproval(autoApproved: Steps.Count == 0, now);
        }
        else
            Status = RequisitionStatus.PendingApproval;
        return wasHeld ? CheckTransition.Released : CheckTransition.Proceeds;
    }

    private void ResetChain()
    {
        foreach (var step in Steps)
        {
            step.Status = StepStatus.Waiting;
            step.ActivatedAt = null;
            step.DueAt = null;
        }
    }

    private ApprovalStep OverrideStep(StepTemplate t) => new()
    {
        Index = Steps.Count,
        Name = t.Name,
        Mode = t.Mode,
        Quorum = 1,
        Sla = t.Sla,
        Slots = t.Approvers.Select((a, i) => new ApprovalSlot
        {
            Index = i,
            Approver = new ApproverRef(a.Kind == ApproverKind.User ? ApproverRefKind.User : ApproverRefKind.Role, a.Value!),
        }).ToList(),
    };
}
