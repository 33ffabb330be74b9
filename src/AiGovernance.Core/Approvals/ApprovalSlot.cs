namespace AiGovernance.Core.Approvals;

public enum SlotStatus
{
    Pending,
    Approved,
    Rejected,
    /// <summary>Not needed any more: the step completed without this slot.</summary>
    Skipped,
}

/// <summary>One approver position within a step, and who filled it.</summary>
public sealed class ApprovalSlot
{
    public required int Index { get; init; }
    public required ApproverRef Approver { get; init; }
    public SlotStatus Status { get; set; } = SlotStatus.Pending;
    /// <summary>The person who acted.</summary>
    public string? DecidedBy { get; set; }
    /// <summary>The delegator when the decision was made by a delegate; otherwise null.</summary>
    public string? OnBehalfOf { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Comment { get; set; }
    /// <summary>The step's escalation target, added when the SLA was breached; the original approver may still act.</summary>
    public ApproverRef? EscalatedTo { get; set; }

    /// <summary>Whether the actor may fill this slot: its approver or, after a breach, the escalation target.</summary>
    public bool Admits(ApprovalActor actor) => Approver.Admits(actor) || EscalatedTo?.Admits(actor) == true;

    /// <summary>The approval-queue keys under which this slot is listed.</summary>
    public IEnumerable<string> QueueKeys()
    {
        yield return Approver.QueueKey;
        if (EscalatedTo is not null) yield return EscalatedTo.QueueKey;
    }

    /// <summary>Everyone who filled this slot: the actor and, for a delegated decision, the delegator.</summary>
    public IEnumerable<string> People()
    {
        if (DecidedBy is not null) yield return DecidedBy;
        if (OnBehalfOf is not null) yield return OnBehalfOf;
    }
}
