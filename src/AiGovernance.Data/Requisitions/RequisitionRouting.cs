using AiGovernance.Core;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Policies;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Requisitions;

/// <summary>A routed requisition: the policy version used, its decision, the concrete chain and the record that explains it.</summary>
public sealed record Routed(ActivePolicy Active, RoutingDecision Decision, List<ApprovalStep> Steps, RoutingRecord Record);

/// <summary>Routing through the tenant's active policy: shared by submission and by the ERP's re-routing after a change of lines.</summary>
public static class RequisitionRouting
{
    public static async Task<Routed> RouteAsync(TenantScope scope, RoutingInput input, string? costCentreOwner, string requesterId,
        PolicyCache policies, CancellationToken ct)
    {
        var active = await PolicyStore.GetActiveAsync(scope, policies, ct)
            ?? throw DomainException.Unprocessable("no_active_policy", "This tenant has no active approval policy; an admin must upload and activate one.");
        var decision = PolicyEvaluator.Route(active.Policy, input);
        var notes = new List<string>();
        var steps = ApprovalChain.Build(decision.Steps, costCentreOwner, requesterId, notes);
        var explanation = notes.Count == 0 ? decision.Explanation : $"{decision.Explanation} {string.Join("; ", notes)}.";
        var record = new RoutingRecord(active.Info.Version, active.Info.Name, decision.AutoApproved, decision.AmountInBase,
            decision.BaseCurrency, decision.MatchedRules, explanation, input, notes);
        return new Routed(active, decision, steps, record);
    }

    /// <summary>The chain as the decision log shows it: step names, modes, quorums and approvers.</summary>
    public static object ChainSummary(IEnumerable<ApprovalStep> steps) =>
        steps.Select(s => new { s.Name, s.Mode, s.Quorum, approvers = s.Slots.Select(x => x.Approver.ToString()) }).ToList();
}

/// <summary>The stored explanation of a routing decision: policy version, matched rules and the inputs they saw.</summary>
public sealed record RoutingRecord(
    int PolicyVersion,
    string PolicyName,
    bool AutoApproved,
    decimal AmountInBase,
    string BaseCurrency,
    IReadOnlyList<MatchedRule> MatchedRules,
    string Explanation,
    RoutingInput Inputs,
    IReadOnlyList<string> Notes);
