namespace AiGovernance.Core.Approvals;

/// <summary>What an SLA timer did when it fired.</summary>
public enum SlaTimerKind
{
    /// <summary>Part of the SLA has elapsed: the approvers are reminded.</summary>
    Reminder,
    /// <summary>The SLA was breached and the step's escalation target may now decide too.</summary>
    Escalation,
    /// <summary>The SLA was breached but the step names no escalation target: logged, nobody added.</summary>
    Breached,
}

/// <summary>One timer that fired on the active step: who was waited on and, for an escalation, who was added.</summary>
public sealed record SlaTimerFired(
    SlaTimerKind Kind,
    int StepIndex,
    string StepName,
    DateTimeOffset DueAt,
    DateTimeOffset FiredAt,
    IReadOnlyList<ApproverRef> Approvers,
    ApproverRef? EscalatedTo);

/// <summary>
/// The SLA arithmetic of one step, free of I/O so it can be tested with plain timestamps. A step has
/// at most two timers per activation: the reminder (when <c>reminderFraction</c> of the SLA has
/// elapsed) and the escalation (at <see cref="ApprovalStep.DueAt"/>).
/// </summary>
public static class SlaClock
{
    public const double DefaultReminderFraction = 0.75;

    /// <summary>A reminder at 0 or at the full SLA would coincide with activation or with the breach.</summary>
    public static bool IsValidFraction(double fraction) => fraction is > 0 and < 1;

    public static DateTimeOffset? ReminderAt(ApprovalStep step, double reminderFraction)
    {
        if (step.Sla is not { } sla || step.ActivatedAt is not { } activated) return null;
        if (!IsValidFraction(reminderFraction))
            throw new ArgumentOutOfRangeException(nameof(reminderFraction), reminderFraction, "must be between 0 and 1 (exclusive)");
        return activated + TimeSpan.FromTicks((long)(sla.Ticks * reminderFraction));
    }

    /// <summary>The earliest timer of the step that has not fired yet, or null when none is left.</summary>
    public static DateTimeOffset? NextTimerAt(ApprovalStep step, double reminderFraction)
    {
        if (step.Status != StepStatus.Active || step.DueAt is not { } due || step.EscalatedAt is not null) return null;
        // A reminder that was not sent before the breach is pointless: the escalation supersedes it.
        if (step.ReminderSentAt is null && ReminderAt(step, reminderFraction) is { } reminder && reminder < due) return reminder;
        return due;
    }

    /// <summary>Fires the step's due timers at <paramref name="now"/>; each fires at most once per activation.</summary>
    public static IReadOnlyList<SlaTimerFired> ApplyDue(ApprovalStep step, DateTimeOffset now, double reminderFraction)
    {
        if (step.Status != StepStatus.Active || step.DueAt is not { } due || step.EscalatedAt is not null) return [];
        var waitingOn = step.OpenSlots().Select(s => s.Approver).Distinct().ToList();
        if (now >= due)
        {
            step.EscalatedAt = now;
            if (step.EscalateTo is not { } target)
                return [new SlaTimerFired(SlaTimerKind.Breached, step.Index, step.Name, due, now, waitingOn, null)];
            // Every slot still pending admits the target, so a sequential step's later slots are covered too.
            foreach (var slot in step.Slots.Where(s => s.Status == SlotStatus.Pending)) slot.EscalatedTo = target;
            return [new SlaTimerFired(SlaTimerKind.Escalation, step.Index, step.Name, due, now, waitingOn, target)];
        }
        if (step.ReminderSentAt is null && ReminderAt(step, reminderFraction) is { } reminder && now >= reminder)
        {
            step.ReminderSentAt = now;
            return [new SlaTimerFired(SlaTimerKind.Reminder, step.Index, step.Name, due, now, waitingOn, null)];
        }
        return [];
    }
}
