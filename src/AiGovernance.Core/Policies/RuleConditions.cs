using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Policies;

/// <summary>
/// The <c>when:</c> of a rule. Every non-null condition must hold (AND); a null condition is not checked.
/// In-lists compare case-insensitively. Amount bounds are in the policy's base currency.
/// Supplier risk tiers are stored lower-case (low | medium | high).
/// </summary>
public sealed record RuleConditions(
    ValueRange? Amount = null,
    IReadOnlyList<string>? Categories = null,
    IReadOnlyList<string>? LegalEntities = null,
    IReadOnlyList<string>? CostCentres = null,
    IReadOnlyList<string>? SupplierRiskTiers = null,
    IReadOnlyList<Urgency>? Urgencies = null,
    ValueRange? DuplicateProbability = null,
    ValueRange? PriceVariancePct = null)
{
    /// <summary>Conditions that match every requisition (a catch-all rule).</summary>
    public static RuleConditions Always { get; } = new();

    public bool IsEmpty =>
        Amount is null && Categories is null && LegalEntities is null && CostCentres is null
        && SupplierRiskTiers is null && Urgencies is null && DuplicateProbability is null && PriceVariancePct is null;
}
