using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Approvals;

public enum StepStatus
{
    Waiting,
    Active,
    Approved,
    Rejected,
}

/// <summary>One step of an approval chain: its slots and the rule (mode, quorum) that completes it.</summary>
public sealed class ApprovalStep
{
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required StepMode Mode { get; init; }
    public required int Quorum { get; init; }
    public required List<ApprovalSlot> Slots { get; init; }
    public TimeSpan? Sla { get; init; }
    public ApproverRef? EscalateTo { get; init; }
    public StepStatus Status { get; set; } = StepStatus.Waiting;
    public DateTimeOffset? ActivatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>When the SLA reminder of this activation went out (it fires once).</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>When the SLA was found breached (escalated, or logged as breached without a target).</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    public int ApprovedCount => Slots.Count(s => s.Status == SlotStatus.Approved);

    /// <summary>The slots that may be filled now (sequential steps open one slot at a time).</summary>
    public IEnumerable<ApprovalSlot> OpenSlots()
    {
        if (Status != StepStatus.Active) return [];
        var pending = Slots.Where(s => s.Status == SlotStatus.Pending);
        return Mode == StepMode.Sequential ? pending.Take(1) : pending;
    }

    internal void Activate(DateTimeOffset now)
    {
        Status = StepStatus.Active;
        ActivatedAt = now;
        DueAt = Sla is { } sla ? now + sla : null;
        ReminderSentAt = EscalatedAt = null;
    }

    /// <summary>Applies one slot's decision and settles the step when its rule is met.</summary>
    internal void Record(ApprovalSlot slot, bool approve)
    {
        slot.Status = approve ? SlotStatus.Approved : SlotStatus.Rejected;
        var pending = Slots.Count(s => s.Status == SlotStatus.Pending);
        var approvedEnough = Mode switch
        {
            StepMode.FirstResponder => approve,
            StepMode.Sequential => pending == 0 && approve,
            _ => ApprovedCount >= Quorum,
        };
        // A quorum step fails only once the remaining slots can no longer reach the quorum.
        var cannotSucceed = Mode switch
        {
            StepMode.Parallel => ApprovedCount + pending < Quorum,
            _ => !approve,
        };
        if (approvedEnough) Settle(StepStatus.Approved);
        else if (cannotSucceed) Settle(StepStatus.Rejected);
    }

    private void Settle(StepStatus status)
    {
        Status = status;
        foreach (var s in Slots.Where(s => s.Status == SlotStatus.Pending)) s.Status = SlotStatus.Skipped;
    }
}
