namespace AiGovernance.Core.Recommendations;

/// <summary>
/// Who may decide which kind of recommendation. A small static map on purpose: letting a new kind
/// take effect should be a reviewed code change, not configuration an AI component could post.
/// </summary>
public static class RecommendationDeciders
{
    public static readonly IReadOnlyList<string> DefaultRoles = ["reviewer", "admin"];

    /// <summary>Service accounts recommend or integrate; they never decide, whatever other roles a token carries.</summary>
    public static readonly IReadOnlyList<string> ServiceAccounts = ["agent", "erp"];

    private static readonly Dictionary<string, string[]> ByKind = new(StringComparer.Ordinal)
    {
        [RecommendationKinds.RequisitionHold] = ["reviewer", "procurement_ops", "admin"],
        [RecommendationKinds.RequisitionNote] = ["reviewer", "procurement_ops", "approver", "admin"],
        [RecommendationKinds.FollowUpMessage] = ["procurement_ops", "reviewer", "admin"],
        [RecommendationKinds.FollowUpEscalation] = ["procurement_ops", "reviewer", "admin"],
        // Re-coding a category re-routes the requisition, so it is for the people who own sourcing and review it,
        // never for an approver, who could otherwise pick the category that puts the purchase in their own hands.
        [RecommendationKinds.RequisitionCategory] = ["procurement_ops", "reviewer", "admin"],
    };

    public static IReadOnlyList<string> RolesFor(string kind) => ByKind.TryGetValue(kind, out var roles) ? roles : DefaultRoles;

    public static void Check(string kind, RecommendationDecider decider)
    {
        if (ServiceAccounts.Any(decider.Roles.Contains))
            throw DomainException.Forbidden("service_account_cannot_decide",
                "AI and integration service accounts may post recommendations but never decide on them; a person must.");
        var roles = RolesFor(kind);
        if (!roles.Any(decider.Roles.Contains))
            throw DomainException.Forbidden("role_required", $"Deciding a '{kind}' recommendation needs one of the roles: {string.Join(", ", roles)}.");
    }
}

/// <summary>Recommendation kinds the service knows; any other well-formed kind is accepted but has no automatic effect.</summary>
public static class RecommendationKinds
{
    /// <summary>Hold a requisition (e.g. as a probable duplicate) until someone releases it.</summary>
    public const string RequisitionHold = "requisition.hold";
    /// <summary>A note for the approvers of a requisition; informational.</summary>
    public const string RequisitionNote = "requisition.note";
    /// <summary>A message the follow-up agent drafted (document request, nudge); accepted, it is sent once through the outbox.</summary>
    public const string FollowUpMessage = "followup.message";
    /// <summary>The follow-up agent was not confident enough to draft and asks a person to look; informational.</summary>
    public const string FollowUpEscalation = "followup.escalation";
    /// <summary>The category looks wrong (or is missing); accepted, the requisition is re-coded and routed again with the active policy.</summary>
    public const string RequisitionCategory = "requisition.category";
}
