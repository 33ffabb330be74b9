namespace AiGovernance.Core.Policies;

/// <summary>How the approvers of one step decide. YAML: <c>sequential | parallel | first_responder</c>.</summary>
public enum StepMode
{
    /// <summary>Every approver entry approves, in listed order.</summary>
    Sequential,
    /// <summary>A quorum of the approver entries approves, in any order.</summary>
    Parallel,
    /// <summary>The first approver entry to respond decides for the step.</summary>
    FirstResponder,
}

/// <summary>YAML: <c>{role: approver}</c> | <c>{user: u-123}</c> | <c>{cost_centre_owner: true}</c>.</summary>
public enum ApproverKind
{
    Role,
    User,
    CostCentreOwner,
}

/// <summary>Who may approve; <see cref="Value"/> is null for <see cref="ApproverKind.CostCentreOwner"/>,
/// which is resolved per requisition.</summary>
public sealed record ApproverSpec(ApproverKind Kind, string? Value)
{
    public override string ToString() => Kind switch
    {
        ApproverKind.Role => $"role {Value}",
        ApproverKind.User => $"user {Value}",
        _ => "cost-centre owner",
    };
}

/// <summary>
/// One approval step as the policy describes it. <see cref="Quorum"/> is already normalised by the parser:
/// Sequential = approver count, FirstResponder = 1, Parallel = configured or approver count.
/// </summary>
public sealed record StepTemplate(
    string Name,
    StepMode Mode,
    int Quorum,
    IReadOnlyList<ApproverSpec> Approvers,
    TimeSpan? Sla,
    ApproverSpec? EscalateTo);
