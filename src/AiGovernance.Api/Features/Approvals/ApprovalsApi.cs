using AiGovernance.Api.Infrastructure;
using AiGovernance.Data.Approvals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Approvals;

public static class ApprovalsApi
{
    public static RouteGroupBuilder MapApprovalsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/approvals/queue", Queue).WithName("ApprovalQueue").WithTags("Approvals");
        return api;
    }

    public sealed record QueueItem(Guid RequisitionId, string Number, int Step, string StepName, string RequesterId, string SupplierId,
        string Category, decimal Amount, string Currency, decimal AmountBase, string BaseCurrency, string Urgency, DateTimeOffset? DueAt,
        string? OnBehalfOf, DateTimeOffset CreatedAt);

    /// <summary>The caller's pending steps (see <see cref="ApprovalQueue"/>).</summary>
    public static async Task<Ok<IReadOnlyList<QueueItem>>> Queue(HttpContext http, TenantDb db, TimeProvider clock, int? limit, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        await using var scope = await db.BeginAsync(caller, ct);
        var entries = await ApprovalQueue.ForAsync(scope, caller.AsActor(), clock.GetUtcNow(), Math.Clamp(limit ?? 100, 1, 500), ct);
        return TypedResults.Ok<IReadOnlyList<QueueItem>>(entries.Select(e =>
        {
            var r = e.Requisition;
            return new QueueItem(r.Id, r.Number, e.Step.Index, e.Step.Name, r.RequesterId, r.SupplierId, r.Category, r.Amount, r.Currency,
                r.AmountInBase, r.BaseCurrency, r.Urgency.ToString().ToLowerInvariant(), e.Step.DueAt, e.OnBehalfOf, e.Stored.CreatedAt);
        }).ToList());
    }
}
