using AiGovernance.Core.Approvals;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Sla;
using AiGovernance.Data.Tenancy;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AiGovernance.Worker.Sla;

/// <summary>
/// Runs a requisition's SLA timers (job kind <c>sla</c>, subject = requisition id) at the injected
/// clock's now, in one tenant transaction, and asks to run again at the next timer.
/// </summary>
public sealed partial class SlaTimerHandler(NpgsqlDataSource db, TimeProvider clock, ILogger<SlaTimerHandler> logger) : IJobHandler
{
    public string Kind => SlaTimers.JobKind;

    public async Task<JobResult> HandleAsync(ClaimedJob job, CancellationToken ct)
    {
        if (!Guid.TryParse(job.SubjectId, out var requisitionId)) return new JobResult.Done();
        SlaRun run;
        await using (var scope = await TenantScope.BeginAsync(db, job.TenantId, ct))
        {
            run = await ApplySlaTimers.ExecuteAsync(scope, requisitionId, clock, ct);
            await scope.CommitAsync(ct);
        }
        foreach (var fired in run.Fired)
        {
            if (fired.Kind == SlaTimerKind.Reminder) LogReminder(logger, run.Number, fired.StepName, fired.DueAt);
            else LogBreach(logger, run.Number, fired.StepName, fired.DueAt, fired.EscalatedTo?.ToString() ?? "nobody (no escalation target)");
        }
        // The save already moved the job inside the transaction; returning the same time keeps the runner from undoing that.
        return run.NextTimerAt is { } next ? new JobResult.RetryAt(next) : new JobResult.Done();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA reminder for {Number} step {Step}, due {DueAt}")]
    private static partial void LogReminder(ILogger logger, string? number, string step, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA breached for {Number} step {Step}, due {DueAt}; escalated to {EscalatedTo}")]
    private static partial void LogBreach(ILogger logger, string? number, string step, DateTimeOffset dueAt, string escalatedTo);
}
