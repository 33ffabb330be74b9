using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Api.Features.Requisitions;

/// <summary>Who may work on a requisition beyond what row-level security (the tenant) already decides.</summary>
public static class RequisitionAccess
{
    /// <summary>
    /// A requester (with no other role) works on their own requisitions only; approvers, reviewers and the
    /// other roles work on anyone's. Document uploads and the workspace's requisition and document pages apply it.
    /// </summary>
    public static void RequireOwnUnlessStaff(Caller caller, Requisition requisition)
    {
        if (caller.Roles.SetEquals([Roles.Requester]) && requisition.RequesterId != caller.UserId)
            throw DomainException.Forbidden("not_your_requisition", $"Requisition {requisition.Number} belongs to {requisition.RequesterId}.");
    }
}
