using AiGovernance.Core.Checks;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Approvals;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Checks;

/// <summary>What a re-check did to one held requisition (echoed in webhook and API results).</summary>
public sealed record RecheckResult(Guid Id, string Number, string Outcome, string Status);

/// <summary>
/// Runs the supplier and budget checks: once right after routing (in the submitting transaction) and
/// again for held requisitions whenever the master data they wait for changes. Loading happens here,
/// deciding in <see cref="PreApprovalChecks"/>.
/// </summary>
public static class PreApprovalGate
{
    public static async Task OnSubmittedAsync(TenantScope scope, Requisition r, ApprovalPolicy policy, string actor, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var outcome = await EvaluateAsync(scope, r, policy, now, ct);
        if (outcome.IsClean) return;
        var transition = r.ApplyChecks(outcome, now);
        await RequisitionStore.SaveApprovalStateAsync(scope, r, now, ct);
        await LogAsync(scope, r, transition, outcome, actor, "submission", clock, ct);
    }

    /// <summary>Re-checks held requisitions; ones no longer on hold (released meanwhile) are skipped.</summary>
    public static async Task<IReadOnlyList<RecheckResult>> RecheckAsync(TenantScope scope, IReadOnlyList<Guid> ids, string actor, string trigger,
        TimeProvider clock, CancellationToken ct)
    {
        var results = new List<RecheckResult>();
        foreach (var id in ids)
        {
            var stored = await RequisitionStore.LoadForUpdateAsync(scope, id, ct);
            if (stored?.Requisition is not { Status: RequisitionStatus.OnHold } r) continue;
            var policy = (await PolicyStore.GetByIdAsync(scope, r.PolicyVersionId, PolicyCache.Shared, ct))!.Policy;
            var now = clock.GetUtcNow();
            var outcome = await EvaluateAsync(scope, r, policy, now, ct);
            var transition = r.ApplyChecks(outcome, now);
            await RequisitionStore.SaveApprovalStateAsync(scope, r, now, ct);
            await LogAsync(scope, r, transition, outcome, actor, trigger, clock, ct);
            // A held auto-approval becomes effective only now, with everything final approval sets in motion.
            if (transition == CheckTransition.Released && r.Status == RequisitionStatus.AutoApproved)
                await RequisitionApproved.OnApprovedAsync(scope, r, clock, ct);
            results.Add(new RecheckResult(r.Id, r.Number, transition.ToSnakeCase(), r.Status.ToSnakeCase()));
        }
        return results;
    }

    public static async Task<CheckOutcome> EvaluateAsync(TenantScope scope, Requisition r, ApprovalPolicy policy, DateTimeOffset now,
        CancellationToken ct)
    {
        var supplier = await SupplierStore.GetAsync(scope, r.SupplierId, forUpdate: false, ct)
            ?? throw new InvalidOperationException($"supplier {r.SupplierId} of {r.Number} does not exist");
        var period = BudgetPeriod.For(r.NeededBy, DateOnly.FromDateTime(now.UtcDateTime));
        var budget = await BudgetStore.GetAsync(scope, r.CostCentre, period, forUpdate: false, ct);
        return PreApprovalChecks.Evaluate(new CheckInput(policy, r.AmountInBase, r.CostCentre, period, supplier.ToSnapshot(), budget?.ToSnapshot(), now));
    }

    private static Task LogAsync(TenantScope scope, Requisition r, CheckTransition transition, CheckOutcome outcome, string actor, string trigger,
        TimeProvider clock, CancellationToken ct)
    {
        var kind = transition switch
        {
            CheckTransition.Rejected => DecisionLogKinds.CheckRejected,
            CheckTransition.Held or CheckTransition.StillHeld => DecisionLogKinds.RequisitionOnHold,
            CheckTransition.Released => DecisionLogKinds.HoldReleased,
            _ => DecisionLogKinds.CheckFlagged,
        };
        return DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(kind, actor, "requisition", r.Number, new
        {
            requisition_id = r.Id,
            trigger,
            outcome = transition,
            status = r.Status,
            rejections = outcome.Rejections,
            hold_reasons = r.HoldReasons,
            flags = r.Flags,
            extra_step = outcome.ExtraStep?.Name,
            active_step = r.ActiveStep?.Name,
            pending_approvers = r.PendingApproverKeys(),
        }), clock, ct);
    }
}
