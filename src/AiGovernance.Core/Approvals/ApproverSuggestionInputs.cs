namespace AiGovernance.Core.Approvals;

/// <summary>Where the policy leaves a choice of person, and so what a suggestion is for.</summary>
public enum SuggestionPurpose
{
    /// <summary>A cost centre has no owner, so <c>cost_centre_owner</c> steps cannot be routed.</summary>
    CostCentreOwner,
    /// <summary>An approver is away and needs someone to decide for them.</summary>
    Delegate,
    /// <summary>A role step any holder of the role may decide: whom to ask.</summary>
    Step,
}

/// <summary>A person who might be suggested: who they are, what they may do and whether they are away themselves.</summary>
/// <param name="AwayUntil">The end of a delegation of theirs in force during the period the suggestion is for; null when present.</param>
public sealed record ApproverCandidate(string UserId, string Name, IReadOnlyList<string> Roles, bool Active, DateTimeOffset? AwayUntil = null);

/// <summary>
/// What a person did in the history window, counted against the context of the suggestion (its cost centres,
/// legal entities and category). Decisions are approvals and rejections; requests for information are not decisions.
/// </summary>
/// <param name="MedianHoursToDecide">Median time from a step becoming active to this person's decision on it; null without decisions.</param>
/// <param name="EscalatedSteps">Steps naming this person that passed their SLA and were escalated.</param>
/// <param name="RequestedOnCostCentres">Requisitions this person raised on the context's cost centres (as owner they could not approve those).</param>
/// <param name="CostCentresOwned">Cost centres this person owns already.</param>
public sealed record DecisionHistory(
    int ApprovedOnCostCentres,
    int RejectedOnCostCentres,
    int DecidedInLegalEntities,
    int DecidedInCategory,
    int DecidedTotal,
    double? MedianHoursToDecide,
    int EscalatedSteps,
    int RequestedOnCostCentres,
    int CostCentresOwned)
{
    public static readonly DecisionHistory None = new(0, 0, 0, 0, 0, null, 0, 0, 0);

    public int DecidedOnCostCentres => ApprovedOnCostCentres + RejectedOnCostCentres;
}

/// <summary>The context history is compared with, and who qualifies at all.</summary>
/// <param name="CostCentres">The cost centre(s) the choice is about (a delegate: those the absent person owns); may be empty.</param>
/// <param name="QualifyingRoles">Role → the authority limit the policy gives it (null: no limit stated); a candidate needs one of them.</param>
public sealed record SuggestionContext(
    SuggestionPurpose Purpose,
    IReadOnlyList<string> CostCentres,
    IReadOnlyList<string> LegalEntities,
    string? Category,
    int WindowDays,
    IReadOnlyDictionary<string, decimal?> QualifyingRoles,
    string BaseCurrency);

/// <summary>One suggested person: rank (1 = best), the score that ranked them and every reason as a sentence.</summary>
public sealed record ApproverSuggestion(int Rank, string UserId, string Name, double Score, IReadOnlyList<string> Reasons);

/// <summary>Someone who was considered and left out, and why (so "why not X?" has an answer).</summary>
public sealed record ExcludedCandidate(string UserId, string Reason);

public sealed record SuggestionResult(IReadOnlyList<ApproverSuggestion> Suggestions, IReadOnlyList<ExcludedCandidate> Excluded)
{
    public ApproverSuggestion? For(string userId) => Suggestions.FirstOrDefault(s => s.UserId == userId);
}
