using AiGovernance.Core.Approvals;

namespace AiGovernance.Core.Requisitions;

/// <summary>
/// Changes the ERP makes to a requisition it created (requisition.updated webhooks). The data fields
/// are init-only, so each change returns a changed copy (<c>with</c>) rather than mutating this one.
/// </summary>
public sealed partial record Requisition
{
    /// <summary>A final requisition is decided; nothing about it changes any more.</summary>
    public bool IsFinal => Status is RequisitionStatus.Approved or RequisitionStatus.Rejected or RequisitionStatus.AutoApproved;

    /// <summary>Lines decide the amount and so the chain; they may change only while the chain has not concluded.</summary>
    public bool LinesMayChange => Status is RequisitionStatus.PendingApproval or RequisitionStatus.InfoRequested or RequisitionStatus.OnHold;

    /// <summary>Needed-by date and attachments do not affect routing, so they change freely until the requisition is final.</summary>
    public Requisition WithErpDetails(DateOnly? neededBy, IReadOnlyList<RequisitionAttachment>? attachments)
    {
        if (IsFinal)
            throw DomainException.Conflict("requisition_final",
                $"Requisition {Number} is {Status.ToSnakeCase()}; a final requisition no longer changes.");
        return this with { NeededBy = neededBy ?? NeededBy, Attachments = attachments ?? Attachments };
    }

    /// <summary>
    /// New lines mean a new amount, so the requisition is routed again: the new chain replaces the old
    /// one and approvals already given are void (they approved a different purchase). A requisition on
    /// hold stays on hold with its new chain ready; the hold's release continues from there.
    /// </summary>
    public Requisition Reroute(IReadOnlyList<RequisitionLine> lines, decimal amountInBase, string baseCurrency, long policyVersionId,
        List<ApprovalStep> steps, bool autoApproved, DateTimeOffset now)
    {
        if (!LinesMayChange)
            throw DomainException.Conflict("requisition_lines_locked",
                $"Requisition {Number} is {Status.ToSnakeCase()}; its lines may change only while it is pending approval, waiting for information or on hold.");
        var wasOnHold = Status == RequisitionStatus.OnHold;
        var next = this with
        {
            Lines = lines,
            Amount = lines.Sum(l => l.Amount),
            AmountInBase = amountInBase,
            BaseCurrency = baseCurrency,
            PolicyVersionId = policyVersionId,
            Steps = steps,
        };
        // Auto-approval never bypasses a hold: the held requisition keeps waiting.
        next.StartApproval(autoApproved && !wasOnHold, now);
        if (wasOnHold) next.Status = RequisitionStatus.OnHold;
        return next;
    }
}
