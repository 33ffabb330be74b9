namespace AiGovernance.Core.Approvals;

public enum DecisionKind
{
    Approve,
    Reject,
    RequestInfo,
}
