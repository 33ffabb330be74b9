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
        var delegations = await DelegationStore.ActiveForDelegateAsync(scope, me.UserId, now, ct);
        var delegators = delegations.Count == 0 ? [] : (await MasterData.GetUsersAsync(scope, delegations.Select(d => d.DelegatorId).ToList(), ct))
            .Select(u => new ApprovalActor(u.Id, u.Roles.ToHashSet(StringComparer.Ordinal))).ToList();
        var keys = ApproverRef.QueueKeysOf(me).Concat(delegators.SelectMany(ApproverRef.QueueKeysOf)).Distinct().ToList();
        var pending = await RequisitionStore.QueueAsync(scope, keys, limit, ct);

        var entries = new List<QueueEntry>();
        foreach (var s in pending)
        {
            var r = s.Requisition;
            if (r.RequesterId == me.UserId || r.ActiveStep is not { } step) continue;
            var open = step.OpenSlots().ToList();
            var forWhom = open.Any(x => x.Admits(me)) ? null : delegators.FirstOrDefault(d => open.Any(x => x.Admits(d)))?.UserId;
            if (forWhom == r.RequesterId) continue;
            entries.Add(new QueueEntry(s, step, forWhom));
        }
        return entries;
    }
}
