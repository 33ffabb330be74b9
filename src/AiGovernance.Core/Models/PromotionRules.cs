namespace AiGovernance.Core.Models;

/// <summary>
/// Who may do what with a model promotion. Pure functions, shared by the API, the CLI and the
/// retraining scheduler, so every entry point refuses the same things with the same codes.
/// </summary>
public static class PromotionRules
{
    public const string DataScientist = "data_scientist";
    public const string Compliance = "compliance";
    public const string Admin = "admin";

    /// <summary>Requests come from the people who train models; admin can too (e.g. to re-file one).</summary>
    public static readonly IReadOnlyList<string> Requesters = [DataScientist, Admin];

    /// <summary>The second person: someone who understands models or who answers for their use.</summary>
    public static readonly IReadOnlyList<string> Approvers = [DataScientist, Compliance];

    /// <summary>Rollback is a safety action, like a kill switch: one person may take it, with a reason.</summary>
    public static readonly IReadOnlyList<string> RollbackRoles = [DataScientist, Compliance, Admin];

    /// <summary>Actors named "system:…" (the retraining scheduler) file requests; only people decide them.</summary>
    public static void RequirePerson(string actor)
    {
        if (actor.StartsWith("system:", StringComparison.Ordinal))
            throw DomainException.Forbidden("service_account_cannot_decide", $"{actor} is not a person; a person must decide a promotion.");
    }

    public static void RequireRole(IReadOnlySet<string> roles, IReadOnlyList<string> allowed)
    {
        if (!allowed.Any(roles.Contains))
            throw DomainException.Forbidden("role_required", $"This needs one of the roles: {string.Join(", ", allowed)}.");
    }

    /// <summary>A challenger worse on the primary metric is promoted only with a stated override reason.</summary>
    public static void CheckChallenger(MetricComparison comparison, string? overrideReason)
    {
        if (comparison.ChallengerIsWorse && string.IsNullOrWhiteSpace(overrideReason))
            throw DomainException.Unprocessable("challenger_worse_than_champion",
                $"The challenger is worse than the champion: {comparison.Describe()}. Give override_reason to request it anyway.");
    }

    public static string RequireReason(string? reason, string field = "reason")
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw ValidationFailedException.Single(field, "is required: the decision log records why");
        if (reason.Length > 2000)
            throw ValidationFailedException.Single(field, "must be at most 2000 characters");
        return reason.Trim();
    }
}
