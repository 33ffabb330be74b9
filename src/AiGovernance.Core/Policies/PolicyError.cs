namespace AiGovernance.Core.Policies;

/// <summary>A validation problem at a 1-based YAML position; <see cref="Path"/> is like <c>rules[2].steps[0].quorum</c>.</summary>
public sealed record PolicyError(int Line, int Column, string Path, string Message)
{
    /// <summary>The user-facing form: "line 14, column 9: rules[1].steps[0].quorum: quorum 3 exceeds …".</summary>
    public override string ToString() =>
        Path.Length == 0 ? $"line {Line}, column {Column}: {Message}" : $"line {Line}, column {Column}: {Path}: {Message}";
}

/// <summary>The parsed policy, or every error found. <see cref="Policy"/> is null whenever there are errors,
/// so a half-valid policy can never be used.</summary>
public sealed record PolicyParseResult(ApprovalPolicy? Policy, IReadOnlyList<PolicyError> Errors)
{
    public bool IsValid => Policy is not null && Errors.Count == 0;
}
