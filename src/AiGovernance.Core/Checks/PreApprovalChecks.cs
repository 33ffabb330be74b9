using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Checks;

/// <summary>What the checks before approval decided for one requisition.</summary>
public sealed record CheckOutcome(
    IReadOnlyList<CheckReason> Rejections,
    IReadOnlyList<CheckReason> Holds,
    IReadOnlyList<CheckReason> Flags,
    StepTemplate? ExtraStep)
{
    public bool IsClean => Rejections.Count == 0 && Holds.Count == 0 && Flags.Count == 0 && ExtraStep is null;
}

/// <summary>The inputs of the checks: everything is loaded first, so deciding is a pure function.</summary>
public sealed record CheckInput(
    ApprovalPolicy Policy,
    decimal AmountInBase,
    string CostCentre,
    string Period,
    SupplierSnapshot Supplier,
    BudgetSnapshot? Budget,
    DateTimeOffset Now);

public static class PreApprovalChecks
{
    /// <summary>Supplier first, then budget; a rejection from either wins over any hold.</summary>
    public static CheckOutcome Evaluate(CheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var today = DateOnly.FromDateTime(input.Now.UtcDateTime);
        var supplier = SupplierCheck.Evaluate(input.Supplier, today);
        var budget = BudgetCheck.Evaluate(input.Policy, input.AmountInBase, input.CostCentre, input.Period, input.Budget, input.Now);

        List<CheckReason> rejections = [];
        if (supplier.Rejection is { } s) rejections.Add(s);
        if (budget.Rejection is { } b) rejections.Add(b);
        List<CheckReason> holds = [.. supplier.Holds];
        if (budget.Hold is { } h) holds.Add(h);
        return new CheckOutcome(rejections, holds, budget.Flags, budget.ExtraStep);
    }
}
