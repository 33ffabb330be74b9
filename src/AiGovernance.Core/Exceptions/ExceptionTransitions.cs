namespace AiGovernance.Core.Exceptions;

public enum ExceptionAction { Assign, Resolve, Dismiss }

/// <summary>What a person may do with an exception in each status; anything else is a 409, never a silent no-op.</summary>
public static class ExceptionTransitions
{
    /// <summary>The status after <paramref name="action"/>, or a domain error saying why not.</summary>
    public static string Apply(string status, ExceptionAction action, string? reason)
    {
        if (status is "resolved" or "dismissed")
            throw DomainException.Conflict("exception_closed", $"The exception is already {status}.");
        if (action == ExceptionAction.Dismiss && string.IsNullOrWhiteSpace(reason))
            throw ValidationFailedException.Single("reason", "is required: say why this is not a real problem (reviewers' dismissals teach the triage model)");
        if (reason is { Length: > 2000 }) throw ValidationFailedException.Single("reason", "must be at most 2000 characters");
        return action switch
        {
            ExceptionAction.Assign => "assigned",
            ExceptionAction.Resolve => "resolved",
            _ => "dismissed",
        };
    }
}
