using AiGovernance.Api.Infrastructure;
using AiGovernance.Core.Approvals;
using AiGovernance.Data.Delegations;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Requisitions;
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

    /// <summary>
    /// The caller's pending steps: where an open slot admits them, or someone who delegated to them
    /// right now. Requisitions the caller requested are left out, since they could never approve them.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<QueueItem>>> Queue(HttpContext http, TenantDb db, TimeProvider clock, int? limit, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var me = caller.AsActor();
        await using var scope = await db.BeginAsync(caller, ct);
        var delegations = await DelegationStore.ActiveForDelegateAsync(scope, caller.UserId, clock.GetUtcNow(), ct);
        var delegators = delegations.Count == 0 ? [] : (await MasterData.GetUsersAsync(scope, delegations.Select(d => d.DelegatorId).ToList(), ct))
            .Select(u => new ApprovalActor(u.Id, u.Roles.ToHashSet(StringComparer.Ordinal))).ToList();
        var keys = ApproverRef.QueueKeysOf(me).Concat(delegators.SelectMany(ApproverRef.QueueKeysOf)).Distinct().ToList();
        var pending = await RequisitionStore.QueueAsync(scope, keys, Math.Clamp(limit ?? 100, 1, 500), ct);

        var items = new List<QueueItem>();
        foreach (var s in pending)
        {
            var r = s.Requisition;
            if (r.RequesterId == caller.UserId || r.ActiveStep is not { } step) continue;
            var open = step.OpenSlots().ToList();
            var forWhom = open.Any(x => x.Admits(me)) ? null : delegators.FirstOrDefault(d => open.Any(x => x.Admits(d)))?.UserId;
            if (forWhom == r.RequesterId) continue;
            items.Add(new QueueItem(r.Id, r.Number, step.Index, step.Name, r.RequesterId, r.SupplierId, r.Category, r.Amount, r.Currency,
                r.AmountInBase, r.BaseCurrency, r.Urgency.ToString().ToLowerInvariant(), step.DueAt, forWhom, s.CreatedAt));
        }
        return TypedResults.Ok<IReadOnlyList<QueueItem>>(items);
    }
}
