using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Core.Exceptions;
using AiGovernance.Data.Exceptions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Exceptions;

/// <summary>The exception inbox: everything that needs a person, ranked by triage score, with assign / resolve / dismiss.</summary>
public static class ExceptionsApi
{
    public static readonly string[] Triagers = [Roles.ProcurementOps, Roles.Reviewer, Roles.Compliance, Roles.Admin];

    public static RouteGroupBuilder MapExceptionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/exceptions").WithTags("Exceptions");
        g.MapGet("/", List).WithName("ListExceptions");
        g.MapGet("/{id:guid}", Get).WithName("GetException").ProducesProblem(404);
        g.MapPost("/{id:guid}/assign", Assign).WithName("AssignException").ProducesProblem(409).ProducesProblem(422);
        g.MapPost("/{id:guid}/resolve", Resolve).WithName("ResolveException").ProducesProblem(409);
        g.MapPost("/{id:guid}/dismiss", Dismiss).WithName("DismissException").ProducesProblem(409).ProducesProblem(422);
        return g;
    }

    public static async Task<Ok<IReadOnlyList<ExceptionRecord>>> List(HttpContext http, TenantDb db, TimeProvider clock, string? status, string? queue,
        string? type, Guid? requisition, int? limit, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Triagers);
        if (status is not null and not ("open" or "assigned" or "resolved" or "dismissed" or "all"))
            throw ValidationFailedException.Single("status", "must be one of open (includes assigned), assigned, resolved, dismissed, all");
        if (queue is not null && !ExceptionTypes.Queues.All.Contains(queue))
            throw ValidationFailedException.Single("queue", $"must be one of {string.Join(", ", ExceptionTypes.Queues.All)}");
        if (type is not null && !ExceptionTypes.All.ContainsKey(type))
            throw ValidationFailedException.Single("type", $"'{type}' is not an exception type");
        await using var scope = await db.BeginAsync(caller, ct);
        var filter = new ExceptionFilter(status == "all" ? null : status ?? "open", queue, type, requisition, Math.Clamp(limit ?? 200, 1, 1000));
        return TypedResults.Ok(await ExceptionStore.ListAsync(scope, filter, clock.GetUtcNow(), ct));
    }

    public static async Task<Ok<ExceptionRecord>> Get(Guid id, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Triagers);
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await ExceptionStore.GetAsync(scope, id, clock.GetUtcNow(), ct)
            ?? throw DomainException.NotFound("exception_not_found", $"Exception {id} was not found."));
    }

    public sealed record AssignRequest(string? Assignee);

    public sealed record ReasonRequest(string? Reason);

    public static Task<Ok<ExceptionRecord>> Assign(Guid id, AssignRequest request, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct) =>
        DecideAsync(id, ExceptionAction.Assign, request.Assignee, null, http, db, clock, ct);

    public static Task<Ok<ExceptionRecord>> Resolve(Guid id, ReasonRequest request, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct) =>
        DecideAsync(id, ExceptionAction.Resolve, null, request.Reason, http, db, clock, ct);

    public static Task<Ok<ExceptionRecord>> Dismiss(Guid id, ReasonRequest request, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct) =>
        DecideAsync(id, ExceptionAction.Dismiss, null, request.Reason, http, db, clock, ct);

    private static async Task<Ok<ExceptionRecord>> DecideAsync(Guid id, ExceptionAction action, string? assignee, string? reason, HttpContext http,
        TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Triagers);
        caller.RequirePerson();
        await using var scope = await db.BeginAsync(caller, ct);
        await DecideOnException.ExecuteAsync(scope, caller.UserId, id, action, assignee, reason, clock, ct);
        var after = (await ExceptionStore.GetAsync(scope, id, clock.GetUtcNow(), ct))!;
        await scope.CommitAsync(ct);
        return TypedResults.Ok(after);
    }
}
