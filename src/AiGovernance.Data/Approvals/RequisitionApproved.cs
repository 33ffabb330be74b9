using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Approvals;

/// <summary>
/// What final approval sets in motion, inside the approving transaction (so it happens exactly when
/// the approval commits): each consequence is one call here.
/// </summary>
public static class RequisitionApproved
{
    public static async Task OnApprovedAsync(TenantScope scope, Requisition requisition, TimeProvider clock, CancellationToken ct)
    {
        await Outbox.PurchaseOrderRelease.EnqueueAsync(scope, requisition, clock, ct);
        await Reviews.PostReviews.OpenIfRequiredAsync(scope, requisition, clock, ct);
        // What was approved becomes the price history later lines are compared with.
        await Detection.PriceHistory.AppendApprovedAsync(scope, requisition, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        // Last: the budget row is shared by every approval of the cost centre, and its lock is held from
        // here to the commit, so nothing else should run while it is held.
        await Checks.BudgetCommitment.OnApprovedAsync(scope, requisition, clock, ct);
    }
}
