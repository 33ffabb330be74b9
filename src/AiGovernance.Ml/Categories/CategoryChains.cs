using AiGovernance.Core.Approvals;
using AiGovernance.Core.Policies;

namespace AiGovernance.Ml.Categories;

/// <summary>One approval step as a reviewer reads it: its name and who approves, e.g. "it-review: role it_approver, role it_security (1 of 2)".</summary>
public sealed record ChainStepView(string Step, IReadOnlyList<string> Approvers, string Text);

/// <summary>The approval chain under the given category and under the suggested one, and whether they differ.</summary>
public sealed record CategoryChainComparison(bool ChangesChain, IReadOnlyList<ChainStepView> ChainNow, IReadOnlyList<ChainStepView> ChainSuggested,
    bool AutoApprovedNow, bool AutoApprovedSuggested, string Summary);

/// <summary>
/// Would the suggested category change who approves? Routes the same requisition (amount, legal entity, cost centre,
/// supplier risk, urgency, AI signals) through the same policy twice, once per category, and compares the chains.
/// Pure: nothing is stored; the routing is the one <see cref="PolicyEvaluator"/> gives a submission.
/// </summary>
public static class CategoryChains
{
    public static CategoryChainComparison Compare(ApprovalPolicy policy, RoutingInput input, string suggested, string? costCentreOwner, string requesterId)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(input);
        var now = Chain(policy, input, costCentreOwner, requesterId);
        var next = Chain(policy, input with { Category = suggested }, costCentreOwner, requesterId);
        var changes = now.Auto != next.Auto || !now.Steps.Select(s => s.Text).SequenceEqual(next.Steps.Select(s => s.Text), StringComparer.Ordinal);
        return new CategoryChainComparison(changes, now.Steps, next.Steps, now.Auto, next.Auto, Summarize(now, next, changes));
    }

    /// <summary>"routed via it-review and owner-approval instead of owner-approval", or "routed the same (owner-approval)".</summary>
    private static string Summarize((bool Auto, List<ChainStepView> Steps) now, (bool Auto, List<ChainStepView> Steps) next, bool changes)
    {
        static string Names((bool Auto, List<ChainStepView> Steps) c) =>
            c.Auto ? "auto-approval" : c.Steps.Count == 0 ? "no approval step" : Join(c.Steps.Select(s => $"{s.Step} ({string.Join(", ", s.Approvers)})").ToList());
        if (!changes) return $"routed the same ({Names(now)})";
        var added = next.Steps.Where(s => !now.Steps.Any(n => n.Text == s.Text)).Select(s => s.Step).ToList();
        var removed = now.Steps.Where(s => !next.Steps.Any(n => n.Text == s.Text)).Select(s => s.Step).ToList();
        var delta = added.Count > 0 && removed.Count == 0 ? $"; adds {Join(added)}"
            : removed.Count > 0 && added.Count == 0 ? $"; drops {Join(removed)}"
            : added.Count > 0 ? $"; adds {Join(added)}, drops {Join(removed)}" : "";
        return $"routed via {Names(next)} instead of {Names(now)}{delta}";
    }

    private static (bool Auto, List<ChainStepView> Steps) Chain(ApprovalPolicy policy, RoutingInput input, string? owner, string requesterId)
    {
        var decision = PolicyEvaluator.Route(policy, input);
        if (decision.AutoApproved) return (true, []);
        return (false, ApprovalChain.Build(decision.Steps, owner, requesterId).Select(View).ToList());
    }

    private static ChainStepView View(ApprovalStep s)
    {
        var approvers = s.Slots.Select(x => x.Approver.ToString()).ToList();
        var quorum = s.Mode == StepMode.Sequential || approvers.Count == 1 ? "" : $" ({s.Quorum} of {approvers.Count})";
        return new ChainStepView(s.Name, approvers, $"{s.Name}: {string.Join(", ", approvers)}{quorum}");
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
