using System.Text.Json;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Checks;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Requisitions;

namespace AiGovernance.Api.Features.Requisitions;

/// <summary>The API shape of a requisition: its data, the routing explanation and the chain with who acts next.</summary>
public sealed record RequisitionView(
    Guid Id,
    string Number,
    string Status,
    string LegalEntity,
    string CostCentre,
    string RequesterId,
    string SupplierId,
    string Category,
    string Currency,
    string Urgency,
    DateOnly? NeededBy,
    decimal Amount,
    decimal AmountBase,
    string BaseCurrency,
    string? ExternalErpId,
    string? SupplierReference,
    IReadOnlyList<RequisitionLine> Lines,
    IReadOnlyList<RequisitionAttachment> Attachments,
    JsonElement Routing,
    IReadOnlyList<StepView> Steps,
    IReadOnlyList<string> NextApprovers,
    IReadOnlyList<CheckReason> HoldReasons,
    IReadOnlyList<CheckReason> Flags,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? CustomerOrder,
    DateOnly? PromisedDate,
    bool CustomerCommitment,
    SupplierDetailsView? SupplierDetails)
{
    public static RequisitionView From(StoredRequisition s)
    {
        var r = s.Requisition;
        return new RequisitionView(r.Id, r.Number, r.Status.ToSnakeCase(), r.LegalEntity, r.CostCentre, r.RequesterId, r.SupplierId,
            r.Category, r.Currency, r.Urgency.ToSnakeCase(), r.NeededBy, r.Amount, r.AmountInBase, r.BaseCurrency, r.ExternalErpId, r.SupplierReference,
            r.Lines, r.Attachments, JsonDocument.Parse(s.RoutingJson).RootElement.Clone(),
            r.Steps.Select(StepView.From).ToList(),
            r.Status == RequisitionStatus.PendingApproval && r.ActiveStep is { } a
                ? a.OpenSlots().SelectMany(x => x.EscalatedTo is { } e ? new[] { x.Approver.ToString(), e.ToString() } : [x.Approver.ToString()]).Distinct().ToList()
                : [],
            r.HoldReasons, r.Flags,
            r.Version, s.CreatedAt, s.UpdatedAt,
            r.CustomerOrder, r.PromisedDate, r.HasCustomerCommitment, SupplierDetailsView.From(r.StatedSupplier));
    }
}

public sealed record StepView(int Index, string Name, string Mode, int Quorum, string Status, DateTimeOffset? ActivatedAt, DateTimeOffset? DueAt,
    string? EscalateTo, DateTimeOffset? ReminderSentAt, DateTimeOffset? EscalatedAt, IReadOnlyList<SlotView> Approvers)
{
    public static StepView From(ApprovalStep s) => new(s.Index, s.Name, s.Mode.ToSnakeCase(), s.Quorum, s.Status.ToSnakeCase(), s.ActivatedAt, s.DueAt,
        s.EscalateTo?.ToString(), s.ReminderSentAt, s.EscalatedAt,
        s.Slots.Select(x => new SlotView(x.Approver.ToString(), x.EscalatedTo?.ToString(), x.Status.ToSnakeCase(), x.DecidedBy, x.OnBehalfOf, x.DecidedAt, x.Comment)).ToList());
}

public sealed record SlotView(string Approver, string? EscalatedTo, string Status, string? DecidedBy, string? OnBehalfOf, DateTimeOffset? DecidedAt, string? Comment);

/// <summary>The stated supplier details; the IBAN is masked (bank data is shown in full only in the supplier master).</summary>
public sealed record SupplierDetailsView(string? Name, string? VatId, string? Iban)
{
    public static SupplierDetailsView? From(StatedSupplier? stated) => stated is null ? null
        : new(stated.Name, stated.VatId, stated.Iban is { } iban ? SupplierMasterIdentifiers.MaskIban(iban) : null);
}
