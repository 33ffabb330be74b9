namespace AiGovernance.Core.Requisitions;

public enum RequisitionStatus
{
    PendingApproval,
    InfoRequested,
    Approved,
    Rejected,
    AutoApproved,
}
