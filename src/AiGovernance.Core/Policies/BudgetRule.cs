namespace AiGovernance.Core.Policies;

/// <summary>What happens when a requisition does not fit the remaining budget. YAML: <c>block | extra_approver | warn</c>.</summary>
public enum BudgetAction
{
    /// <summary>Flag the requisition and let the chain decide (the default: a policy without a budget section changes nothing).</summary>
    Warn,
    /// <summary>Reject the requisition with the reason.</summary>
    Block,
    /// <summary>Append a "budget-override" step for the configured approver.</summary>
    ExtraApprover,
}

/// <summary>
/// The policy's optional <c>budget:</c> section. <see cref="MaxSnapshotAge"/> null means budget snapshots
/// never go stale; <see cref="ExtraApprover"/> is set exactly when <see cref="OnInsufficient"/> is ExtraApprover.
/// </summary>
public sealed record BudgetRule(BudgetAction OnInsufficient, ApproverSpec? ExtraApprover, TimeSpan? MaxSnapshotAge)
{
    public const string OverrideStepName = "budget-override";

    /// <summary>The override step's SLA: a budget exception should not wait longer than a working day.</summary>
    public static readonly TimeSpan OverrideSla = TimeSpan.FromHours(24);

    public static readonly BudgetRule Default = new(BudgetAction.Warn, null, null);
}
