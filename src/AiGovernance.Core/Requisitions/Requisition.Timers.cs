using AiGovernance.Core.Approvals;

namespace AiGovernance.Core.Requisitions;

/// <summary>SLA timers of the active step. They run only while the requisition waits for an approver:
/// a request for information or a hold stops the clock from firing (the due time itself stays).</summary>
public sealed partial record Requisition
{
    /// <summary>When the next SLA timer of the active step is due, or null when none is pending.</summary>
    public DateTimeOffset? NextTimerAt(double reminderFraction) =>
        Status == RequisitionStatus.PendingApproval && ActiveStep is { } step ? SlaClock.NextTimerAt(step, reminderFraction) : null;

    /// <summary>
    /// Fires the timers that are due at <paramref name="now"/> (a reminder, or on breach an escalation
    /// that makes the step's escalation target an eligible approver) and returns what fired. Applying
    /// twice at the same time fires nothing the second time.
    /// </summary>
    public IReadOnlyList<SlaTimerFired> ApplyDueTimers(DateTimeOffset now, double reminderFraction) =>
        Status == RequisitionStatus.PendingApproval && ActiveStep is { } step ? SlaClock.ApplyDue(step, now, reminderFraction) : [];
}
