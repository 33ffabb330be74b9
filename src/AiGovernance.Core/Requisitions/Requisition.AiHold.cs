using AiGovernance.Core.Checks;

namespace AiGovernance.Core.Requisitions;

/// <summary>The hold a person places by accepting an AI recommendation (e.g. "probable duplicate").</summary>
public sealed partial class Requisition
{
    /// <summary>Hold-reason code of AI-recommended holds; the pre-approval checks never own or clear it.</summary>
    public const string AiHoldCode = "ai_recommendation";

    /// <summary>Only a requisition still waiting for its chain can be held; decided ones stay as decided.</summary>
    public bool CanTakeAiHold => Status is RequisitionStatus.PendingApproval or RequisitionStatus.InfoRequested;

    /// <summary>Puts the requisition on hold for an accepted recommendation and returns the hold reason added.</summary>
    public CheckReason PlaceOnAiHold(Guid recommendationId, string text)
    {
        if (!CanTakeAiHold)
            throw DomainException.Conflict("requisition_not_holdable",
                $"Requisition {Number} is {Status.ToSnakeCase()}; only pending_approval or info_requested requisitions can be put on hold.");
        // The recommendation id is in the text too: hold reasons are rewritten as (code, text) by the checks.
        var reason = new CheckReason(AiHoldCode, $"{text} (recommendation {recommendationId})");
        HoldReasons.Add(reason);
        Status = RequisitionStatus.OnHold;
        return reason;
    }
}
