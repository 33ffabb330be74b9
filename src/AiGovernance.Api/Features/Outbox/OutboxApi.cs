using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Outbox;

/// <summary>
/// The outbound integration queue: what was sent to the ERP, what is still trying, what gave up —
/// and manual redelivery of dead letters (or of a delivered message the ERP says it lost).
/// </summary>
public static class OutboxApi
{
    private static readonly string[] Readers = [Roles.ProcurementOps, Roles.Admin, Roles.Compliance];
    private static readonly string[] Operators = [Roles.ProcurementOps, Roles.Admin];

    public static RouteGroupBuilder MapOutboxApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/outbox").WithTags("Outbox");
        g.MapGet("/", List).WithName("ListOutboxMessages").ProducesProblem(422).ProducesProblem(403);
        g.MapGet("/{id:guid}", Get).WithName("GetOutboxMessage").ProducesProblem(404);
        g.MapPost("/{id:guid}/redeliver", Redeliver).WithName("RedeliverOutboxMessage").ProducesProblem(404).ProducesProblem(409);
        return g;
    }

    public static async Task<Ok<IReadOnlyList<OutboxMessage>>> List(HttpContext http, TenantDb db, string? status, int? limit, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        var e = new FieldErrors();
        if (status is not null && !OutboxStatus.All.Contains(status)) e.Add("status", "must be one of pending, delivered, dead");
        if (limit is < 1 or > 500) e.Add("limit", "must be between 1 and 500");
        e.ThrowIfAny();
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await OutboxStore.ListAsync(scope, status, limit ?? 100, ct));
    }

    public static async Task<Ok<OutboxMessage>> Get(Guid id, HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await OutboxStore.GetAsync(scope, id, ct) ?? throw NotFound(id));
    }

    public sealed record RedeliverRequest(string? Reason);

    /// <summary>
    /// Dead or delivered → pending with a fresh attempt budget, sent by the next worker pass. The
    /// idempotency key stays the same, so an ERP that already has the PO ignores the copy.
    /// </summary>
    public static async Task<Ok<OutboxMessage>> Redeliver(Guid id, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct,
        RedeliverRequest? request = null)
    {
        var caller = Caller.RequireAny(http, Operators);
        if (request?.Reason is { Length: > 2000 }) throw ValidationFailedException.Single("reason", "must be at most 2000 characters");
        await using var scope = await db.BeginAsync(caller, ct);
        var now = clock.GetUtcNow();
        var before = await OutboxStore.ResetForRedeliveryAsync(scope, id, now, ct);
        if (before is null)
        {
            _ = await OutboxStore.GetAsync(scope, id, ct) ?? throw NotFound(id);
            throw DomainException.Conflict("outbox_message_pending", $"Outbox message {id} is still pending; only dead or delivered messages can be redelivered.");
        }
        await JobQueue.ScheduleAsync(scope, OutboxWriter.JobKind, id.ToString(), now, ct);
        var message = (await OutboxStore.GetAsync(scope, id, ct))!;
        var (subjectType, subjectId) = message.LogSubject();
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.OutboxRedelivered, caller.UserId, subjectType, subjectId,
            new { message_id = id, message.Topic, message.IdempotencyKey, requisition_id = message.SubjectId, status_before = before, reason = request?.Reason }), clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(message);
    }

    private static DomainException NotFound(Guid id) => DomainException.NotFound("outbox_message_not_found", $"Outbox message {id} was not found.");
}
