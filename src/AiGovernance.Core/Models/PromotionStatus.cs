namespace AiGovernance.Core.Models;

/// <summary>The states of a model promotion request, as stored.</summary>
public static class PromotionStatus
{
    public const string Requested = "requested";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string RolledBack = "rolled_back";
    public const string Superseded = "superseded";

    public static readonly IReadOnlyList<string> All = [Requested, Approved, Rejected, RolledBack, Superseded];
}
