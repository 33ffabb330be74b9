using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Outbox;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Sla;

/// <summary>What one run of a requisition's SLA timers did, and when they need to run again.</summary>
public sealed record SlaRun(string? Number, IReadOnlyList<SlaTimerFired> Fired, DateTimeOffset? NextTimerAt);

/// <summary>
/// Fires a requisition's due SLA timers: reminder (notification + sla_reminder), escalation on breach
/// (the target becomes an eligible approver; notification + escalation) or, without a target,
/// sla_breached. The requisition row lock serialises this with decisions, and the step remembers what
/// fired, so a job that runs twice (or races a decision) fires nothing twice.
/// </summary>
public static class ApplySlaTimers
{
    /// <summary>The decision-log actor of timer events: nobody decided, the clock did.</summary>
    public const string Actor = "system:sla";

    public static async Task<SlaRun> ExecuteAsync(TenantScope scope, Guid requisitionId, TimeProvider clock, CancellationToken ct)
    {
        var stored = await RequisitionStore.LoadForUpdateAsync(scope, requisitionId, ct);
        if (stored is null) return new SlaRun(null, [], null);
        var r = stored.Requisition;
        var now = clock.GetUtcNow();
        var fraction = SlaTimers.ReminderFraction;
        var fired = r.ApplyDueTimers(now, fraction);
        if (fired.Count > 0) await RequisitionStore.SaveApprovalStateAsync(scope, r, now, ct);
        foreach (var f in fired)
        {
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(KindOf(f), Actor, "requisition", r.Number, new
            {
                requisition_id = r.Id,
                step = f.StepIndex,
                step_name = f.StepName,
                due_at = f.DueAt,
                waiting_on = f.Approvers.Select(a => a.ToString()),
                escalated_to = f.EscalatedTo?.ToString(),
                reminder_fraction = f.Kind == SlaTimerKind.Reminder ? fraction : (double?)null,
            }), clock, ct);
            await NotifyAsync(scope, r, f, clock, ct);
        }
        // A step nearing its SLA is one of the follow-up agent's triggers: it may draft a nudge for a person to send.
        if (fired.Any(f => f.Kind == SlaTimerKind.Reminder)) await FollowUp.FollowUpJobs.ScheduleAsync(scope, r.Id, clock, ct);
        return new SlaRun(r.Number, fired, r.NextTimerAt(fraction));
    }

    private static string KindOf(SlaTimerFired f) => f.Kind switch
    {
        SlaTimerKind.Reminder => DecisionLogKinds.SlaReminder,
        SlaTimerKind.Escalation => DecisionLogKinds.Escalation,
        _ => DecisionLogKinds.SlaBreached,
    };

    /// <summary>One notification per timer and step; the key makes a repeated enqueue a no-op.</summary>
    private static Task NotifyAsync(TenantScope scope, Requisition r, SlaTimerFired f, TimeProvider clock, CancellationToken ct)
    {
        var (topic, key) = f.Kind switch
        {
            SlaTimerKind.Reminder => ("notification.sla_reminder", "sla-reminder"),
            SlaTimerKind.Escalation => ("notification.sla_escalated", "sla-escalated"),
            _ => ("notification.sla_breached", "sla-breached"),
        };
        var recipients = f.Approvers.Select(a => a.QueueKey).Concat(f.EscalatedTo is { } t ? [t.QueueKey] : []).Distinct().ToList();
        return OutboxWriter.EnqueueAsync(scope, topic, $"{key}:{r.Number}:{f.StepIndex}", r.Id.ToString(), new
        {
            requisition_id = r.Id,
            number = r.Number,
            step = f.StepIndex,
            step_name = f.StepName,
            due_at = f.DueAt,
            urgency = r.Urgency,
            recipients,
            escalated_to = f.EscalatedTo?.QueueKey,
        }, clock, ct);
    }
}
