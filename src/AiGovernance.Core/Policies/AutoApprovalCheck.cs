namespace AiGovernance.Core.Policies;

/// <summary>Auto-approval test. Collects every failed limit (not just the first) so the explanation is complete.</summary>
internal static class AutoApprovalCheck
{
    public static bool Passes(AutoApprovalRule rule, decimal amountInBase, string baseCurrency, RoutingInput input, out List<string> reasons)
    {
        var passed = new List<string>();
        var failed = new List<string>();
        var amount = PolicyFormat.Money(amountInBase, baseCurrency);
        var max = PolicyFormat.Number(rule.MaxAmount);

        if (amountInBase <= rule.MaxAmount) passed.Add($"amount {amount} ≤ {max}");
        else failed.Add($"amount {amount} > {max}");

        // Emergencies bypass normal purchasing lead times; a human must always see them.
        if (input.Urgency == Requisitions.Urgency.Emergency)
            failed.Add("urgency emergency is never auto-approved");

        if (rule.ExcludedCategories.Contains(input.Category?.Trim() ?? "", StringComparer.OrdinalIgnoreCase))
            failed.Add($"category {input.Category} is excluded");

        var tier = input.SupplierRiskTier?.Trim().ToLowerInvariant() ?? "";
        if (rule.AllowedSupplierRiskTiers.Contains(tier, StringComparer.Ordinal)) passed.Add($"supplier risk {tier} in {PolicyFormat.List(rule.AllowedSupplierRiskTiers)}");
        else failed.Add($"supplier risk {tier} not in {PolicyFormat.List(rule.AllowedSupplierRiskTiers)}");

        // An unscored signal counts as 0: auto-approval must not wait for a model that may be switched off.
        var signals = new List<string>();
        Signal("duplicate probability", input.DuplicateProbability, (decimal)rule.MaxDuplicateProbability, "", signals, failed);
        Signal("price variance", input.PriceVariancePct, (decimal)rule.MaxPriceVariancePct, "%", signals, failed);
        passed.AddRange(signals.Count == 0 ? ["no AI flags"] : signals);

        reasons = failed.Count == 0 ? passed : failed;
        return failed.Count == 0;
    }

    private static void Signal(string label, double? value, decimal max, string suffix, List<string> passed, List<string> failed)
    {
        if (value is not { } v)
            return;
        var score = PolicySignal.ToDecimal(label, v);
        var text = $"{label} {PolicyFormat.Number(score)}{suffix}";
        if (score > max)
            failed.Add($"{text} > {PolicyFormat.Number(max)}{suffix}");
        else if (score != 0)
            passed.Add($"{text} ≤ {PolicyFormat.Number(max)}{suffix}");
    }
}
