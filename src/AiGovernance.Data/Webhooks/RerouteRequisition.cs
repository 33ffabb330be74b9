using AiGovernance.Core;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Approvals;
using AiGovernance.Data.Checks;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Webhooks;

/// <summary>
/// Routes a requisition again after the ERP changed its lines: the amount changed, so the chain it was
/// routed to may no longer be the right one. Uses the policy active now and runs the supplier and
/// budget checks again, as a fresh submission would.
/// </summary>
public static class RerouteRequisition
{
    public sealed record Rerouted(Requisition Requisition, string RoutingJson, ApprovalPolicy Policy);

    /// <summary>Builds the new chain and logs old and new amount and chain; the caller saves, then runs <see cref="CheckAsync"/>.</summary>
    /// <param name="actor">Who caused it (default: the ERP webhook); <paramref name="reason"/> is logged with it.</param>
    public static async Task<Rerouted> RouteAsync(TenantScope scope, Requisition current, IReadOnlyList<RequisitionLine> lines,
        PolicyCache policies, TimeProvider clock, CancellationToken ct, string actor = WebhookEvents.Actor, string reason = "lines changed by the ERP")
    {
        var now = clock.GetUtcNow();
        var context = await MasterData.LoadSubmissionContextAsync(scope, current.LegalEntity, current.CostCentre, current.SupplierId,
            current.RequesterId, ct);
        // The last detection signals still apply until the changed lines are scored again (scheduled below).
        var signals = await DetectionResults.SignalsAsync(scope, current.Id, ct);
        var input = new RoutingInput(lines.Sum(l => l.Amount), current.Currency, current.Category, current.LegalEntity, current.CostCentre,
            context.SupplierRiskTier ?? throw DomainException.Unprocessable("supplier_unknown", $"Supplier '{current.SupplierId}' no longer exists."),
            current.Urgency, signals.DuplicateProbability, signals.PriceVariancePct);
        var (active, decision, steps, routing) = await RequisitionRouting.RouteAsync(scope, input, context.CostCentreOwner, current.RequesterId, policies, ct);
        var next = current.Reroute(lines, decision.AmountInBase, decision.BaseCurrency, active.Info.Id, steps, decision.AutoApproved, now);
        await DetectionJobs.ScheduleScoringAsync(scope, current.Id, now, ct);

        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.RequisitionRerouted, actor,
            "requisition", current.Number, new
            {
                requisition_id = current.Id,
                reason,
                old_amount = current.Amount,
                new_amount = next.Amount,
                old_amount_base = current.AmountInBase,
                new_amount_base = next.AmountInBase,
                next.Currency,
                status_before = current.Status,
                status_after = next.Status,
                voided_approvals = current.Steps.SelectMany(s => s.Slots).Count(s => s.Status == SlotStatus.Approved),
                routing,
                chain = RequisitionRouting.ChainSummary(next.Steps),
            }), clock, ct);
        return new Rerouted(next, Json.Serialize(routing), active.Policy);
    }

    /// <summary>
    /// The checks see the new amount (a budget that covered the old one may not cover this). A held
    /// requisition is re-checked as a hold; an auto-approval takes effect only once no check holds it.
    /// </summary>
    public static async Task CheckAsync(TenantScope scope, Rerouted rerouted, TimeProvider clock, CancellationToken ct, string actor = WebhookEvents.Actor)
    {
        var r = rerouted.Requisition;
        if (r.Status == RequisitionStatus.OnHold)
        {
            await PreApprovalGate.RecheckAsync(scope, [r.Id], actor, "requisition_rerouted", clock, ct);
            return;
        }
        await PreApprovalGate.OnSubmittedAsync(scope, r, rerouted.Policy, actor, clock, ct);
        if (r.Status == RequisitionStatus.AutoApproved)
            await RequisitionApproved.OnApprovedAsync(scope, r, clock, ct);
    }
}
