using AiGovernance.Core.Approvals;
using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Requisitions;

/// <summary>
/// The requisition aggregate. Its approval state changes only through <see cref="Decide"/> and
/// <see cref="ProvideInformation"/>; an illegal transition throws a <see cref="DomainException"/>.
/// </summary>
public sealed partial record Requisition
{
    public required Guid Id { get; init; }
    public required Guid TenantId { get; init; }
    public required string Number { get; init; }
    public required string LegalEntity { get; init; }
    public required string CostCentre { get; init; }
    public required string RequesterId { get; init; }
    public required string SupplierId { get; init; }
    public required string Category { get; init; }
    public required string Currency { get; init; }
    public required Urgency Urgency { get; init; }
    public DateOnly? NeededBy { get; init; }
    public required IReadOnlyList<RequisitionLine> Lines { get; init; }
    public IReadOnlyList<RequisitionAttachment> Attachments { get; init; } = [];
    public string? ExternalErpId { get; init; }
    public string? SupplierReference { get; init; }
    public required decimal Amount { get; init; }
    public required decimal AmountInBase { get; init; }
    public required string BaseCurrency { get; init; }
    public required long PolicyVersionId { get; init; }
    public required RequisitionStatus Status { get; set; }
    public required List<ApprovalStep> Steps { get; init; }
    public int Version { get; set; }

    public ApprovalStep? ActiveStep => Steps.FirstOrDefault(s => s.Status == StepStatus.Active);

    /// <summary>Queue keys of everyone who may act now; stored so the approval queue is one indexed lookup.</summary>
    public IReadOnlyList<string> PendingApproverKeys() =>
        Status == RequisitionStatus.PendingApproval && ActiveStep is { } step
            ? step.OpenSlots().SelectMany(s => s.QueueKeys()).Distinct().ToList()
            : [];

    /// <summary>Starts the chain after routing: either auto-approved or the first step becomes active.</summary>
    public void StartApproval(bool autoApproved, DateTimeOffset now)
    {
        if (autoApproved || Steps.Count == 0)
        {
            Status = RequisitionStatus.AutoApproved;
            return;
        }
        Status = RequisitionStatus.PendingApproval;
        Steps[0].Activate(now);
    }

    /// <summary>
    /// Applies a human decision. <paramref name="delegators"/> are the people who delegated to the
    /// actor right now; the actor may fill a slot for one of them, and then both are bound by SoD.
    /// </summary>
    public DecisionOutcome Decide(
        ApprovalActor actor,
        IReadOnlyList<ApprovalActor> delegators,
        DecisionKind kind,
        int? stepIndex,
        string? comment,
        ApprovalPolicy policy,
        DateTimeOffset now)
    {
        if (Status != RequisitionStatus.PendingApproval)
            throw DomainException.Conflict("requisition_not_pending",
                $"Requisition {Number} is {Status.ToSnakeCase()}; only pending requisitions take decisions.");
        var step = ActiveStep ?? throw DomainException.Conflict("no_active_step", $"Requisition {Number} has no active step.");
        if (stepIndex is { } wanted && wanted != step.Index)
            throw DomainException.Conflict("step_not_active",
                $"Step {wanted} of {Number} is not the active step (step {step.Index} '{step.Name}' is).");
        if (kind != DecisionKind.Approve && kind != DecisionKind.Reject && kind != DecisionKind.RequestInfo)
            throw DomainException.Unprocessable("unknown_decision", $"Unknown decision '{kind}'.");

        var (slot, principal) = SegregationOfDuties.ChooseSlot(this, step, actor, delegators);
        var isFinalStep = step.Index == Steps.Count - 1;
        if (kind == DecisionKind.Approve && isFinalStep)
            SegregationOfDuties.CheckAuthority(this, principal ?? actor, policy);

        var before = Status;
        if (kind == DecisionKind.RequestInfo)
        {
            Status = RequisitionStatus.InfoRequested;
            return new DecisionOutcome(kind, step.Index, step.Name, null, actor.UserId, principal?.UserId, step.Status, before, Status, comment);
        }

        slot.DecidedBy = actor.UserId;
        slot.OnBehalfOf = principal?.UserId;
        slot.DecidedAt = now;
        slot.Comment = comment;
        step.Record(slot, kind == DecisionKind.Approve);
        Advance(step, now);
        return new DecisionOutcome(kind, step.Index, step.Name, slot.Index, actor.UserId, principal?.UserId, step.Status, before, Status, comment);
    }

    /// <summary>The requester answers a request for information; the same step continues.</summary>
    public void ProvideInformation(string actorId)
    {
        if (Status != RequisitionStatus.InfoRequested)
            throw DomainException.Conflict("no_information_requested", $"Requisition {Number} is not waiting for information.");
        if (!string.Equals(actorId, RequesterId, StringComparison.Ordinal))
            throw DomainException.Forbidden("not_the_requester", "Only the requester can answer a request for information.");
        Status = RequisitionStatus.PendingApproval;
    }

    private void Advance(ApprovalStep step, DateTimeOffset now)
    {
        if (step.Status == StepStatus.Rejected)
        {
            Status = RequisitionStatus.Rejected;
            return;
        }
        if (step.Status != StepStatus.Approved) return;
        var next = Steps.FirstOrDefault(s => s.Index > step.Index && s.Status == StepStatus.Waiting);
        if (next is null) Status = RequisitionStatus.Approved;
        else next.Activate(now);
    }
}
