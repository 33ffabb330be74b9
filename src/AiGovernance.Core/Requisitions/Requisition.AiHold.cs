using AiGovernance.Core.Checks;

namespace AiGovernance.Core.Requisitions;

/// <summary>The hold a person places by accepting an AI recommendation (e.g. "probable duplicate").</summary>
public sealed partial record Requisition
{
    /// <summary>Hold-reason code of AI-recommended holds; the pre-approval checks never own or clear it.</summary>
    public const string AiHoldCode = "ai_recommendation";

    /// <summary>
    /// Only a requisition waiting for its approvers can be held. Decided ones stay as decided, and one
    /// waiting for information is already paused by a person (releasing a hold could not restore that).
    /// </summary>
    public bool CanTakeAiHold => Status is RequisitionStatus.PendingApproval;

    /// <summary>Puts the requisition on hold for an accepted recommendation and returns the hold reason added.</summary>
    public CheckReason PlaceOnAiHold(Guid recommendationId, string text)
    {
        if (!CanTakeAiHold)
            throw DomainException.Conflict("requisition_not_holdable",
                $"Requisition {Number} is {Status.ToSnakeCase()}; only pending_approval requisitions can be put on hold.");
        // The recommendation id is in the text too: hold reasons are rewritten as (code, text) by the checks.
        var reason = new CheckReason(AiHoldCode, $"{text} (recommendation {recommendationId})");
        HoldReasons.Add(reason);
        Status = RequisitionStatus.OnHold;
        return reason;
    }

    /// <summary>
    /// A person lifts the AI hold (the duplicate turned out not to be one, say). Other holds stay; once
    /// none is left, the chain continues where it stood.
    /// </summary>
    public bool ReleaseAiHold()
    {
        if (Status != RequisitionStatus.OnHold || HoldReasons.All(r => r.Code != AiHoldCode))
            throw DomainException.Conflict("no_ai_hold", $"Requisition {Number} is not on hold for an AI recommendation.");
        HoldReasons.RemoveAll(r => r.Code == AiHoldCode);
        if (HoldReasons.Count > 0) return false;
        Status = RequisitionStatus.PendingApproval;
        return true;
    }
}
