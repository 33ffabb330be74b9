using System.Globalization;
using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Checks;

/// <summary>A cost centre's budget for one period as last reported by the ERP; amounts in <see cref="Currency"/>.</summary>
public sealed record BudgetSnapshot(string CostCentre, string Period, decimal Amount, decimal Committed, string Currency, DateTimeOffset SnapshotAt)
{
    public decimal Available => Amount - Committed;
}

/// <summary>The budget's verdict. At most one of the fields besides <see cref="Flags"/> is set.</summary>
public sealed record BudgetCheckResult(CheckReason? Rejection, CheckReason? Hold, IReadOnlyList<CheckReason> Flags, StepTemplate? ExtraStep);

public static class BudgetPeriod
{
    /// <summary>Budgets are yearly: the year the goods are needed in, or this year when no date is given.</summary>
    public static string For(DateOnly? neededBy, DateOnly today) => (neededBy ?? today).Year.ToString(CultureInfo.InvariantCulture);
}

public static class BudgetCheck
{
    /// <summary>
    /// A snapshot older than the policy's maximum age cannot be trusted, so the requisition waits for a
    /// fresh one (hold + flag) without judging sufficiency. Otherwise a requisition that does not fit
    /// (or has no budget row at all) gets what the policy says: block, an extra approver, or a warning.
    /// </summary>
    public static BudgetCheckResult Evaluate(ApprovalPolicy policy, decimal amountInBase, string costCentre, string period,
        BudgetSnapshot? budget, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rule = policy.Budget;
        if (budget is not null && rule.MaxSnapshotAge is { } maxAge && now - budget.SnapshotAt > maxAge)
        {
            var stale = new CheckReason(CheckCodes.BudgetSnapshotStale,
                $"the budget snapshot of {costCentre} {period} is from {budget.SnapshotAt:yyyy-MM-dd HH:mm} UTC, older than the policy's maximum age of {Describe(maxAge)}");
            return new(null, stale, [stale], null);
        }

        var shortfall = Shortfall(policy, amountInBase, costCentre, period, budget);
        if (shortfall is null)
            return new(null, null, [], null);
        var reason = new CheckReason(CheckCodes.BudgetInsufficient, shortfall);
        return rule.OnInsufficient switch
        {
            BudgetAction.Block => new(reason, null, [], null),
            BudgetAction.ExtraApprover when rule.ExtraApprover is { } approver => new(null, null, [reason],
                new StepTemplate(BudgetRule.OverrideStepName, StepMode.Sequential, 1, [approver], BudgetRule.OverrideSla, null)),
            _ => new(null, null, [reason], null),
        };
    }

    /// <summary>Null when the amount fits; otherwise the sentence that says why not.</summary>
    private static string? Shortfall(ApprovalPolicy policy, decimal amountInBase, string costCentre, string period, BudgetSnapshot? budget)
    {
        var need = PolicyFormat.Money(amountInBase, policy.BaseCurrency);
        if (budget is null)
            return $"no budget for {costCentre} {period}; {need} cannot be checked against it";
        var currency = budget.Currency.Trim().ToUpperInvariant();
        if (currency != policy.BaseCurrency && !policy.Rates.ContainsKey(currency))
            return $"the budget of {costCentre} {period} is in {currency}, which the policy has no rate for; {need} cannot be checked against it";
        var available = policy.ToBase(budget.Available, currency);
        if (amountInBase <= available)
            return null;
        return $"{need} exceeds the remaining budget of {costCentre} {period}: {PolicyFormat.Money(available, policy.BaseCurrency)} "
            + $"({PolicyFormat.Money(budget.Amount, currency)} budget, {PolicyFormat.Money(budget.Committed, currency)} committed)";
    }

    private static string Describe(TimeSpan age) =>
        age.TotalDays >= 1 && age.TotalDays == Math.Floor(age.TotalDays) ? $"{age.TotalDays:0}d"
        : age.TotalHours == Math.Floor(age.TotalHours) ? $"{age.TotalHours:0}h" : $"{age.TotalMinutes:0}m";
}
