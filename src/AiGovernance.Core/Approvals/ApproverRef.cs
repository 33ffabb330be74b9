namespace AiGovernance.Core.Approvals;

public enum ApproverRefKind
{
    Role,
    User,
}

/// <summary>
/// A resolved approver slot target: a role any holder may fill, or one named user (cost-centre
/// owners are resolved to a user at routing time, so a later owner change doesn't move old approvals).
/// </summary>
public sealed record ApproverRef(ApproverRefKind Kind, string Value)
{
    /// <summary>The key stored in the queue index, e.g. "role:approver" or "user:u-anna".</summary>
    public string QueueKey => Kind == ApproverRefKind.Role ? $"role:{Value}" : $"user:{Value}";

    public bool Admits(ApprovalActor actor) =>
        Kind == ApproverRefKind.Role ? actor.Roles.Contains(Value) : string.Equals(actor.UserId, Value, StringComparison.Ordinal);

    public static IReadOnlyList<string> QueueKeysOf(ApprovalActor actor) =>
        [$"user:{actor.UserId}", .. actor.Roles.Select(r => $"role:{r}")];

    public override string ToString() => Kind == ApproverRefKind.Role ? $"role {Value}" : $"user {Value}";
}
