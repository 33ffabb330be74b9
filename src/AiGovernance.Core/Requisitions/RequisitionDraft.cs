namespace AiGovernance.Core.Requisitions;

/// <summary>
/// What a requester or the ERP submits. Status, approvers and amounts are not part of it: they are
/// derived, so no request can set them (no mass assignment).
/// </summary>
public sealed record RequisitionDraft(
    string LegalEntity,
    string CostCentre,
    string SupplierId,
    string Category,
    string Currency,
    Urgency Urgency,
    DateOnly? NeededBy,
    IReadOnlyList<RequisitionLine> Lines,
    IReadOnlyList<RequisitionAttachment> Attachments,
    string? ExternalErpId)
{
    public const int MaxLines = 500;
    /// <summary>Largest total the store keeps exactly (numeric(18,2)), with headroom for currency conversion.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>The supplier's quote or invoice number, when known; the duplicate detector compares it (normalized).</summary>
    public string? SupplierReference { get; init; }

    /// <summary>The customer order this purchase serves; with <see cref="PromisedDate"/> it is a customer commitment, which makes exceptions on it more urgent.</summary>
    public string? CustomerOrder { get; init; }

    /// <summary>The date promised to the customer; meaningless without the order it was promised on.</summary>
    public DateOnly? PromisedDate { get; init; }

    /// <summary>The supplier's name, VAT id and IBAN as the requester or ERP states them; compared with the supplier master.</summary>
    public StatedSupplier? StatedSupplier { get; init; }

    public decimal Amount => Lines.Sum(l => l.Amount);

    /// <summary>Checks the draft on its own (master data is checked by the submission against the tenant's records).</summary>
    public void Validate(DateOnly today)
    {
        var e = new FieldErrors();
        Required(e, "legal_entity", LegalEntity);
        Required(e, "cost_centre", CostCentre);
        Required(e, "supplier_id", SupplierId);
        Required(e, "category", Category);
        if (!CurrencyCode.IsValid(Currency)) e.Add("currency", "must be a 3-letter ISO 4217 code in capitals, e.g. EUR");
        if (NeededBy is { } d && d < today) e.Add("needed_by", $"must not be in the past (today is {today:yyyy-MM-dd})");
        if (ExternalErpId is { Length: > 100 }) e.Add("external_erp_id", "must be at most 100 characters");
        if (SupplierReference is { Length: > 100 }) e.Add("supplier_reference", "must be at most 100 characters");
        ValidateCommitment(e, today);
        StatedSupplier?.Validate(e);
        if (Lines is null || Lines.Count == 0) e.Add("lines", "at least one line is required");
        else if (Lines.Count > MaxLines) e.Add("lines", $"at most {MaxLines} lines are allowed");
        else
        {
            for (var i = 0; i < Lines.Count; i++)
            {
                var l = Lines[i];
                if (l is null) { e.Add($"lines[{i}]", "must not be null"); continue; }
                Required(e, $"lines[{i}].item_code", l.ItemCode);
                Required(e, $"lines[{i}].description", l.Description);
                Required(e, $"lines[{i}].unit_of_measure", l.UnitOfMeasure);
                if (l.Quantity <= 0) e.Add($"lines[{i}].quantity", "must be greater than 0");
                if (l.UnitPrice < 0) e.Add($"lines[{i}].unit_price", "must not be negative");
                if (l.Quantity > 1_000_000_000m || l.UnitPrice > 1_000_000_000m) e.Add($"lines[{i}]", "quantity and unit_price must be at most 1,000,000,000");
            }
            if (!e.Any && Lines.Sum(l => l.Quantity * l.UnitPrice) > MaxAmount)
                e.Add("lines", $"the total must be at most {MaxAmount:N0}");
        }
        for (var i = 0; i < (Attachments?.Count ?? 0); i++)
            Required(e, $"attachments[{i}].file_name", Attachments![i]?.FileName);
        e.ThrowIfAny();
    }

    private void ValidateCommitment(FieldErrors e, DateOnly today)
    {
        if (CustomerOrder is not null && string.IsNullOrWhiteSpace(CustomerOrder)) e.Add("customer_order", "must not be blank (leave it out when there is none)");
        else if (CustomerOrder is { Length: > 100 }) e.Add("customer_order", "must be at most 100 characters");
        if (PromisedDate is not { } promised) return;
        if (string.IsNullOrWhiteSpace(CustomerOrder)) e.Add("promised_date", "needs customer_order: a date is promised to a customer on an order");
        if (promised < today) e.Add("promised_date", $"must not be in the past (today is {today:yyyy-MM-dd})");
    }

    private static void Required(FieldErrors e, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) e.Add(field, "is required");
        else if (value.Length > 200 && !field.EndsWith("description", StringComparison.Ordinal)) e.Add(field, "must be at most 200 characters");
        else if (value.Length > 2000) e.Add(field, "must be at most 2000 characters");
    }
}
