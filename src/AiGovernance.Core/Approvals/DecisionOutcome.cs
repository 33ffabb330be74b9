using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Approvals;

/// <summary>What one human decision did: which slot it filled, for whom, and the resulting state.</summary>
public sealed record DecisionOutcome(
    DecisionKind Kind,
    int StepIndex,
    string StepName,
    int? SlotIndex,
    string ActorId,
    string? OnBehalfOf,
    StepStatus StepStatusAfter,
    RequisitionStatus StatusBefore,
    RequisitionStatus StatusAfter,
    string? Comment);
