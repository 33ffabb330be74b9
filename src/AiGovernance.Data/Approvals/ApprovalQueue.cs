using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Delegations;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Approvals;

/// <summary>A pending step the person may decide, for themselves or for someone who delegated to them.</summary>
public sealed record QueueEntry(StoredRequisition Stored, ApprovalStep Step, string? OnBehalfOf)
{
    public Requisition Requisition => Stored.Requisition;
}

/// <summary>
/// The caller's pending steps: where an open slot admits them, or someone who delegated to them right
/// now. Requisitions the caller requested are left out, since they could never approve them. The API's
/// queue and the workspace's queue page both read it here.
/// </summary>
public static class ApprovalQueue
{
    public static async Task<IReadOnlyList<QueueEntry>> ForAsync(TenantScope scope, ApprovalActor me, DateTimeOffset now, int limit, CancellationToken ct)
    {
        var delegators = await DelegatorsAsync(scope, me, now, ct);
        var keys = ApproverRef.QueueKeysOf(me).Concat(delegators.SelectMany(ApproverRef.QueueKeysOf)).Distinct().ToList();
        var pending = await RequisitionStore.QueueAsync(scope, keys, limit, ct);
        return pending.Select(s => EntryOf(s, me, delegators, matchedByKey: true)).OfType<QueueEntry>().ToList();
    }

    /// <summary>The caller's pending step on one requisition, if they (or someone who delegated to them) may decide it now; the requisition page's decision panel asks this.</summary>
    public static async Task<QueueEntry?> EntryForAsync(TenantScope scope, ApprovalActor me, StoredRequisition stored, DateTimeOffset now, CancellationToken ct)
    {
        if (stored.Requisition.Status != RequisitionStatus.PendingApproval || stored.Requisition.ActiveStep is null) return null;
        return EntryOf(stored, me, await DelegatorsAsync(scope, me, now, ct), matchedByKey: false);
    }

    private static async Task<IReadOnlyList<ApprovalActor>> DelegatorsAsync(TenantScope scope, ApprovalActor me, DateTimeOffset now, CancellationToken ct)
    {
        var delegations = await DelegationStore.ActiveForDelegateAsync(scope, me.UserId, now, ct);
        return delegations.Count == 0 ? [] : (await MasterData.GetUsersAsync(scope, delegations.Select(d => d.DelegatorId).ToList(), ct))
            .Select(u => new ApprovalActor(u.Id, u.Roles.ToHashSet(StringComparer.Ordinal))).ToList();
    }

    /// <param name="matchedByKey">The queue query already matched an open slot's key; a single requisition must still be checked.</param>
    private static QueueEntry? EntryOf(StoredRequisition s, ApprovalActor me, IReadOnlyList<ApprovalActor> delegators, bool matchedByKey)
    {
        var r = s.Requisition;
        if (r.Status != RequisitionStatus.PendingApproval || r.RequesterId == me.UserId || r.ActiveStep is not { } step) return null;
        var open = step.OpenSlots().ToList();
        var admitsMe = open.Any(x => x.Admits(me));
        var forWhom = admitsMe ? null : delegators.FirstOrDefault(d => open.Any(x => x.Admits(d)))?.UserId;
        if (!matchedByKey && !admitsMe && forWhom is null) return null;
        return forWhom == r.RequesterId ? null : new QueueEntry(s, step, forWhom);
    }
}
