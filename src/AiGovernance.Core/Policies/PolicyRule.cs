namespace AiGovernance.Core.Policies;

/// <summary>A routing rule: when <see cref="When"/> matches, its steps join the chain; <see cref="Stop"/> ends evaluation.</summary>
public sealed record PolicyRule(string Id, string? Description, RuleConditions When, IReadOnlyList<StepTemplate> Steps, bool Stop);

/// <summary>
/// Requisitions inside every limit skip approval entirely. Never applies to emergency urgency: emergencies
/// bypass normal purchasing controls elsewhere, so they always get a human.
/// Supplier risk tiers are stored lower-case.
/// </summary>
public sealed record AutoApprovalRule(
    decimal MaxAmount,
    double MaxDuplicateProbability,
    double MaxPriceVariancePct,
    IReadOnlyList<string> ExcludedCategories,
    IReadOnlyList<string> AllowedSupplierRiskTiers);
