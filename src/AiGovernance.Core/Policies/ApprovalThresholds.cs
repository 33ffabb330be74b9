namespace AiGovernance.Core.Policies;

/// <summary>
/// The amounts at which a policy asks for more scrutiny: the lower bound of every rule's amount
/// condition and the auto-approval limit. Split-purchase detection looks for requisitions kept just
/// under one of them while together they cross it.
/// </summary>
public static class ApprovalThresholds
{
    /// <summary>Distinct thresholds in the base currency, ascending.</summary>
    public static IReadOnlyList<decimal> Of(ApprovalPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var thresholds = new SortedSet<decimal>();
        foreach (var rule in policy.Rules)
            if (rule.When.Amount is { } amount && (amount.Gt ?? amount.Gte) is { } lower && lower > 0)
                thresholds.Add(lower);
        if (policy.AutoApproval is { MaxAmount: > 0 } auto)
            thresholds.Add(auto.MaxAmount);
        return [.. thresholds];
    }
}
