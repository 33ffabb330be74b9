using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Outbox;
using AiGovernance.Data.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Worker.Outbox;

/// <summary>
/// Sends one outbox message per job. The message row stays locked from load to the final update, in
/// one tenant transaction, and the HTTP call happens in between: delivered is recorded only after the
/// ERP answered 2xx, and a second dispatcher cannot send the same message meanwhile. If this process
/// dies mid-flight nothing was recorded, the job's lease runs out and the message is sent again with
/// the same Idempotency-Key, which the ERP uses to drop the duplicate.
/// </summary>
public sealed partial class OutboxDispatcher(NpgsqlDataSource db, OutboxSender sender, SmtpSender smtp, OutboxJitter jitter, TimeProvider clock,
    IOptions<OutboxOptions> options, IOptions<WorkerOptions> workerOptions, ILogger<OutboxDispatcher> logger) : IJobHandler
{
    public const string Actor = "system:outbox";

    public string Kind => OutboxWriter.JobKind;

    public async Task<JobResult> HandleAsync(ClaimedJob job, CancellationToken ct)
    {
        if (!Guid.TryParse(job.SubjectId, out var id)) return new JobResult.Done();
        var o = options.Value;
        await using var scope = await TenantScope.BeginAsync(db, job.TenantId, ct);
        var (state, message) = await OutboxStore.LockPendingAsync(scope, id, ct);
        // Another dispatcher holds the message and is sending it; look again once its lease would have ended.
        if (state == OutboxLock.Busy) return new JobResult.RetryAt(clock.GetUtcNow() + workerOptions.Value.Lease);
        if (message is null) return new JobResult.Done();

        var byMail = smtp.Handles(message);
        var endpoint = byMail ? "smtp" : await OutboxStore.ErpEndpointAsync(scope, ct) ?? o.DefaultEndpoint;
        var secret = byMail ? null : await OutboxStore.OutboundSecretAsync(scope, ct);
        var outcome = byMail ? await smtp.SendAsync(message, ct)
            : endpoint is null ? SendOutcome.Failed("no ERP endpoint configured")
            : secret is null ? SendOutcome.Failed("no active outbound webhook secret")
            : await sender.SendAsync(message, scope.TenantId, endpoint, secret, ct);

        var now = clock.GetUtcNow();
        var (subjectType, subjectId) = message.LogSubject();
        if (outcome.Delivered)
        {
            await OutboxStore.MarkDeliveredAsync(scope, id, now, ct);
            // Every topic goes to the tenant's one integration endpoint (events carry their topic); only a PO release is a release.
            var kind = message.Topic == "purchase_order.released" ? DecisionLogKinds.PoReleased : DecisionLogKinds.OutboxDelivered;
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(kind, Actor, subjectType, subjectId,
                new { message_id = id, message.Topic, message.IdempotencyKey, requisition_id = message.SubjectId, endpoint, status_code = outcome.StatusCode,
                    reply = outcome.Detail, attempt = message.Attempts + 1 }), clock, ct);
            await scope.CommitAsync(ct);
            LogDelivered(logger, id, message.IdempotencyKey, message.Attempts + 1);
            return new JobResult.Done();
        }

        var attempt = message.Attempts + 1;
        if (attempt >= o.MaxAttempts)
        {
            await OutboxStore.MarkFailedAsync(scope, id, outcome.Error!, null, ct);
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.OutboxDeadLettered, Actor, subjectType, subjectId,
                new { message_id = id, message.Topic, message.IdempotencyKey, requisition_id = message.SubjectId, attempts = attempt, last_error = outcome.Error }), clock, ct);
            await scope.CommitAsync(ct);
            LogDeadLettered(logger, id, message.IdempotencyKey, attempt, outcome.Error!);
            return new JobResult.Done();
        }

        var next = now + OutboxBackoff.Delay(attempt, o.BaseDelay, o.MaxDelay, jitter.NextUnit());
        await OutboxStore.MarkFailedAsync(scope, id, outcome.Error!, next, ct);
        await scope.CommitAsync(ct);
        LogRetry(logger, id, attempt, next, outcome.Error!);
        return new JobResult.RetryAt(next);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} ({IdempotencyKey}) delivered on attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, Guid messageId, string idempotencyKey, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} attempt {Attempt} failed ({Error}); next attempt at {NextAttemptAt}")]
    private static partial void LogRetry(ILogger logger, Guid messageId, int attempt, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "outbox_dead_lettered: outbox message {MessageId} ({IdempotencyKey}) gave up after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid messageId, string idempotencyKey, int attempts, string error);
}
