namespace AiGovernance.Core.Recommendations;

/// <summary>Pending until a human decides or it goes stale; every other status is final.</summary>
public enum RecommendationStatus
{
    Pending,
    Accepted,
    Edited,
    Rejected,
    Expired,
}

/// <summary>What a human can do with a pending recommendation.</summary>
public enum RecommendationDecision
{
    Accept,
    Edit,
    Reject,
}
