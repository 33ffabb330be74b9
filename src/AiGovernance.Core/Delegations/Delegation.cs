namespace AiGovernance.Core.Delegations;

/// <summary>An out-of-office delegation: the delegate may decide for the delegator within the window.</summary>
public sealed record Delegation(Guid Id, string DelegatorId, string DelegateId, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string? Reason)
{
    public bool IsActiveAt(DateTimeOffset at) => ValidFrom <= at && at < ValidTo;

    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => ValidFrom < to && from < ValidTo;
}
