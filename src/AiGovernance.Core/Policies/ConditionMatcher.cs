namespace AiGovernance.Core.Policies;

/// <summary>Checks a rule's conditions and says, per condition, why it held — the reasons end up in the decision log.</summary>
internal static class ConditionMatcher
{
    public static bool TryMatch(RuleConditions when, decimal amountInBase, string baseCurrency, RoutingInput input, out List<string> reasons)
    {
        reasons = [];
        if (when.IsEmpty)
        {
            reasons.Add("always");
            return true;
        }

        if (when.Amount is { } amount)
        {
            if (!amount.Contains(amountInBase))
                return false;
            reasons.Add($"amount {PolicyFormat.Money(amountInBase, baseCurrency)} {amount.Describe()}");
        }

        return InList("category", input.Category, when.Categories, reasons)
            && InList("legal entity", input.LegalEntity, when.LegalEntities, reasons)
            && InList("cost centre", input.CostCentre, when.CostCentres, reasons)
            && InList("supplier risk", input.SupplierRiskTier, when.SupplierRiskTiers, reasons)
            && InList("urgency", input.Urgency.ToString().ToLowerInvariant(), when.Urgencies?.Select(u => u.ToString().ToLowerInvariant()).ToList(), reasons)
            && Signal("duplicate probability", input.DuplicateProbability, when.DuplicateProbability, "", reasons)
            && Signal("price variance", input.PriceVariancePct, when.PriceVariancePct, "%", reasons);
    }

    private static bool InList(string label, string? value, IReadOnlyList<string>? allowed, List<string> reasons)
    {
        if (allowed is null)
            return true;
        if (value is null || !allowed.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
            return false;
        reasons.Add($"{label} {value.Trim()} in {PolicyFormat.List(allowed)}");
        return true;
    }

    /// <summary>
    /// An AI signal that was not produced does not satisfy a condition on it: "not scored" is not evidence of
    /// either a high or a low score, and a rule conditioned on a score should only fire on a real one.
    /// </summary>
    private static bool Signal(string label, double? value, ValueRange? range, string suffix, List<string> reasons)
    {
        if (range is null)
            return true;
        if (value is not { } v)
            return false;
        var score = PolicySignal.ToDecimal(label, v);
        if (!range.Contains(score))
            return false;
        reasons.Add($"{label} {PolicyFormat.Number(score)}{suffix} {range.Describe(suffix)}");
        return true;
    }
}
