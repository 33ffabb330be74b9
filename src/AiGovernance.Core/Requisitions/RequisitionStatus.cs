namespace AiGovernance.Core.Requisitions;

public enum RequisitionStatus
{
    PendingApproval,
    InfoRequested,
    Approved,
    Rejected,
    AutoApproved,
    /// <summary>Waiting for something outside the chain (supplier on hold, stale budget); see hold reasons.</summary>
    OnHold,
}
