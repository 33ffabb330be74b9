using System.Text.Json;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Detection;

/// <summary>
/// Detection results are policy inputs: once scored, a requisition still waiting for its first approval
/// is routed again with the signals, so a rule such as <c>duplicate_probability ≥ 0.8</c> adds its
/// review step. Once someone has approved, the chain is left alone (re-routing would void their
/// approval) and the recommendation alone brings the flag to a person.
/// </summary>
public static class ApplyDetectionSignals
{
    public sealed record Outcome(bool Rerouted, string Why, IReadOnlyList<string> AddedRules);

    public static async Task<Outcome> ExecuteAsync(TenantScope scope, Guid requisitionId, DetectionSignals signals, PolicyCache policies,
        string actor, TimeProvider clock, CancellationToken ct)
    {
        var stored = await RequisitionStore.LoadForUpdateAsync(scope, requisitionId, ct)
            ?? throw new InvalidOperationException($"requisition {requisitionId} vanished while being scored");
        var r = stored.Requisition;
        if (r.Status is not (RequisitionStatus.PendingApproval or RequisitionStatus.OnHold))
            return new Outcome(false, $"requisition is {r.Status.ToSnakeCase()}; the chain is no longer open", []);
        if (r.Steps.Any(s => s.Slots.Any(x => x.Status == SlotStatus.Approved)))
            return new Outcome(false, "an approval was already given; reviewers see the flag through the recommendation", []);
        if (signals == DetectionSignals.None)
            return new Outcome(false, "no signals (models switched off or nothing scored)", []);

        var context = await MasterData.LoadSubmissionContextAsync(scope, r.LegalEntity, r.CostCentre, r.SupplierId, r.RequesterId, ct);
        var input = new RoutingInput(r.Amount, r.Currency, r.Category, r.LegalEntity, r.CostCentre, context.SupplierRiskTier ?? "high",
            r.Urgency, signals.DuplicateProbability, signals.PriceVariancePct);
        var routed = await RequisitionRouting.RouteAsync(scope, input, context.CostCentreOwner, r.RequesterId, policies, ct);
        var before = MatchedRuleIds(stored.RoutingJson);
        var added = routed.Record.MatchedRules.Select(m => m.RuleId).Where(id => !before.Contains(id)).ToList();
        if (added.Count == 0)
            return new Outcome(false, "the signals match no further policy rule", []);

        var now = clock.GetUtcNow();
        // Detection only ever adds scrutiny: it never turns a chain into an auto-approval.
        var next = r.Reroute(r.Lines, routed.Decision.AmountInBase, routed.Decision.BaseCurrency, routed.Active.Info.Id, routed.Steps,
            autoApproved: false, now);
        await RequisitionStore.SaveRoutingAsync(scope, next, Json.Serialize(routed.Record), now, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.RequisitionRerouted, actor, "requisition", r.Number,
            new
            {
                requisition_id = r.Id,
                reason = "detection signals",
                signals = new { duplicate_probability = signals.DuplicateProbability, price_variance_pct = signals.PriceVariancePct },
                added_rules = added,
                routing = routed.Record,
                chain = RequisitionRouting.ChainSummary(next.Steps),
            }), clock, ct);
        return new Outcome(true, $"policy rules {string.Join(", ", added)} now match", added);
    }

    private static HashSet<string> MatchedRuleIds(string routingJson)
    {
        using var doc = JsonDocument.Parse(routingJson);
        return doc.RootElement.TryGetProperty("matched_rules", out var rules) && rules.ValueKind == JsonValueKind.Array
            ? rules.EnumerateArray().Select(x => x.TryGetProperty("rule_id", out var id) ? id.GetString() ?? "" : "").ToHashSet(StringComparer.Ordinal)
            : [];
    }
}
