namespace AiGovernance.Core.Approvals;

/// <summary>A person acting on a requisition: their user id and the roles their token grants.</summary>
public sealed record ApprovalActor(string UserId, IReadOnlySet<string> Roles)
{
    public static ApprovalActor Of(string userId, params string[] roles) => new(userId, roles.ToHashSet(StringComparer.Ordinal));
}
