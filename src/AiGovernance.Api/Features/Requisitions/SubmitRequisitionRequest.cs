using System.Text.Json.Serialization;
using AiGovernance.Core;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Api.Features.Requisitions;

/// <summary>
/// The submission body. Unknown members are refused, so a client that sends "status" or
/// "approvers" is told so instead of having them silently ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubmitRequisitionRequest(
    string? LegalEntity,
    string? CostCentre,
    string? SupplierId,
    string? Category,
    string? Currency,
    string? Urgency,
    DateOnly? NeededBy,
    IReadOnlyList<LineRequest>? Lines,
    IReadOnlyList<RequisitionAttachment>? Attachments,
    string? ExternalErpId,
    /// <summary>Only the ERP service account may submit on behalf of a requester.</summary>
    string? RequesterId,
    /// <summary>The supplier's quote or invoice number, if any.</summary>
    string? SupplierReference = null,
    /// <summary>The customer order this purchase serves; with promised_date it is a customer commitment.</summary>
    string? CustomerOrder = null,
    DateOnly? PromisedDate = null,
    /// <summary>The supplier as the quote or invoice names it; compared with the supplier master.</summary>
    SupplierDetailsRequest? SupplierDetails = null)
{
    public RequisitionDraft ToDraft()
    {
        var errors = new FieldErrors();
        var urgency = Core.Requisitions.Urgency.Normal;
        if (Urgency is not null && !EnumNames.TryParseSnake(Urgency, out urgency))
            errors.Add("urgency", "must be one of normal, urgent, emergency");
        for (var i = 0; i < (Lines?.Count ?? 0); i++)
        {
            if (Lines![i]?.Quantity is null) errors.Add($"lines[{i}].quantity", "is required");
            if (Lines[i]?.UnitPrice is null) errors.Add($"lines[{i}].unit_price", "is required");
        }
        errors.ThrowIfAny();
        return new RequisitionDraft(LegalEntity!, CostCentre!, SupplierId!, Category!, Currency!, urgency, NeededBy,
            Lines?.Select(l => new RequisitionLine(l.ItemCode!, l.Description!, l.Quantity!.Value, l.UnitOfMeasure!, l.UnitPrice!.Value)).ToList() ?? [],
            Attachments ?? [], ExternalErpId)
        {
            SupplierReference = SupplierReference,
            CustomerOrder = CustomerOrder,
            PromisedDate = PromisedDate,
            StatedSupplier = SupplierDetails?.ToStated(),
        };
    }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LineRequest(string? ItemCode, string? Description, decimal? Quantity, string? UnitOfMeasure, decimal? UnitPrice);

/// <summary>Stated supplier details: name, VAT id and IBAN, each optional.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SupplierDetailsRequest(string? Name, string? VatId, string? Iban)
{
    public StatedSupplier ToStated() => new(Name, VatId, Iban);
}
