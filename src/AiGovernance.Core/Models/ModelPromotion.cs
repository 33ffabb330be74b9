namespace AiGovernance.Core.Models;

/// <summary>
/// A request to make <see cref="Version"/> the active model of <see cref="Kind"/>. It takes effect only
/// when a second person approves it; every other transition is a refusal with a stable code.
/// <code>requested → approved → rolled_back
///          ↘ rejected
///          ↘ superseded (another version of the kind went active first)</code>
/// </summary>
public sealed class ModelPromotion
{
    public long Id { get; init; }
    public required string Kind { get; init; }
    public required string Version { get; init; }
    /// <summary>The champion when the request was filed; the version a rollback returns to.</summary>
    public string? FromVersion { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public required string Reason { get; init; }
    public string? OverrideReason { get; init; }
    public required MetricComparison Comparison { get; init; }
    public string Status { get; private set; } = PromotionStatus.Requested;
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    public string? RolledBackBy { get; private set; }
    public DateTimeOffset? RolledBackAt { get; private set; }
    public string? RollbackReason { get; private set; }

    /// <summary>Rebuilds a stored promotion without re-running the rules (they applied when it changed).</summary>
    public static ModelPromotion Restore(ModelPromotion fields, string status, string? decidedBy, DateTimeOffset? decidedAt, string? decisionReason,
        string? rolledBackBy, DateTimeOffset? rolledBackAt, string? rollbackReason)
    {
        fields.Status = status;
        fields.DecidedBy = decidedBy;
        fields.DecidedAt = decidedAt;
        fields.DecisionReason = decisionReason;
        fields.RolledBackBy = rolledBackBy;
        fields.RolledBackAt = rolledBackAt;
        fields.RollbackReason = rollbackReason;
        return fields;
    }

    /// <summary>
    /// The second person's approval. <paramref name="currentActive"/> is the champion now: when it is no
    /// longer the one the request was compared with, the comparison is stale and the request is superseded.
    /// </summary>
    public void Approve(string approver, IReadOnlySet<string> roles, string? reason, string? currentActive, DateTimeOffset now)
    {
        PromotionRules.RequirePerson(approver);
        PromotionRules.RequireRole(roles, PromotionRules.Approvers);
        if (string.Equals(approver, RequestedBy, StringComparison.Ordinal))
            throw DomainException.Forbidden("sod_requester_cannot_approve_promotion",
                $"{approver} requested this promotion; a second person with the data_scientist or compliance role must approve it.");
        RequirePending();
        if (!string.Equals(currentActive, FromVersion, StringComparison.Ordinal))
            throw DomainException.Conflict("promotion_superseded",
                $"The active {Kind} model is now {currentActive ?? "none"}, not {FromVersion ?? "none"} as when this was requested; request again to compare with it.");
        Status = PromotionStatus.Approved;
        (DecidedBy, DecidedAt, DecisionReason) = (approver, now, reason);
    }

    public void Reject(string decider, IReadOnlySet<string> roles, string reason, DateTimeOffset now)
    {
        PromotionRules.RequirePerson(decider);
        PromotionRules.RequireRole(roles, PromotionRules.Approvers);
        RequirePending();
        Status = PromotionStatus.Rejected;
        (DecidedBy, DecidedAt, DecisionReason) = (decider, now, reason);
    }

    /// <summary>Another version of this kind went active: this request's comparison no longer holds.</summary>
    public void Supersede(string by, string why, DateTimeOffset now)
    {
        RequirePending();
        Status = PromotionStatus.Superseded;
        (DecidedBy, DecidedAt, DecisionReason) = (by, now, why);
    }

    /// <summary>Undoes this (approved, currently active) promotion; the registry returns to <see cref="FromVersion"/>.</summary>
    public void RollBack(string actor, IReadOnlySet<string> roles, string reason, DateTimeOffset now)
    {
        PromotionRules.RequireRole(roles, PromotionRules.RollbackRoles);
        if (Status != PromotionStatus.Approved)
            throw DomainException.Conflict("promotion_not_active", $"Promotion {Id} is {Status}; only an approved promotion can be rolled back.");
        if (FromVersion is null)
            throw DomainException.Conflict("nothing_to_roll_back", $"Promotion {Id} had no previous {Kind} version to return to.");
        Status = PromotionStatus.RolledBack;
        (RolledBackBy, RolledBackAt, RollbackReason) = (actor, now, reason);
    }

    private void RequirePending()
    {
        if (Status != PromotionStatus.Requested)
            throw DomainException.Conflict(Status == PromotionStatus.Superseded ? "promotion_superseded" : "promotion_not_pending",
                $"Promotion {Id} is {Status}, no longer waiting for a decision.");
    }
}
