using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Policies;

/// <summary>What the evaluator needs to know about a requisition. AI scores are null when not (yet) scored.</summary>
public sealed record RoutingInput(
    decimal Amount,
    string Currency,
    string Category,
    string LegalEntity,
    string CostCentre,
    string SupplierRiskTier,
    Urgency Urgency,
    double? DuplicateProbability,
    double? PriceVariancePct);

/// <summary>A rule that matched, with one human-readable reason per condition (or "always").</summary>
public sealed record MatchedRule(string RuleId, string? Description, IReadOnlyList<string> Reasons);

/// <summary>The outcome of routing: the approval steps to create and why. Logged as-is in the decision log.</summary>
public sealed record RoutingDecision(
    decimal AmountInBase,
    string BaseCurrency,
    bool AutoApproved,
    IReadOnlyList<MatchedRule> MatchedRules,
    IReadOnlyList<StepTemplate> Steps,
    string Explanation);
