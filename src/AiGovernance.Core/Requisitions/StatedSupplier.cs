using System.Text.Json.Serialization;
using AiGovernance.Core.Checks;

namespace AiGovernance.Core.Requisitions;

/// <summary>
/// The supplier as the requisition states it (from the quote, the invoice or the ERP). The supplier master
/// is the truth; a disagreement is a supplier master mismatch for accounts payable, not a refusal.
/// </summary>
public sealed record StatedSupplier(string? Name, string? VatId, string? Iban)
{
    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(VatId) && string.IsNullOrWhiteSpace(Iban);

    /// <summary>As stored: name trimmed, VAT id and IBAN compact and upper-case, blanks as null; null when nothing is stated.</summary>
    public StatedSupplier? Normalized()
    {
        if (IsEmpty) return null;
        return new StatedSupplier(
            string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
            string.IsNullOrWhiteSpace(VatId) ? null : SupplierMasterIdentifiers.Compact(VatId),
            string.IsNullOrWhiteSpace(Iban) ? null : SupplierMasterIdentifiers.Compact(Iban));
    }

    /// <summary>Adds field errors under <paramref name="prefix"/> (supplier_details) for what is stated and malformed.</summary>
    public void Validate(FieldErrors e, string prefix = "supplier_details")
    {
        if (Name is { Length: > 200 }) e.Add($"{prefix}.name", "must be at most 200 characters");
        if (!string.IsNullOrWhiteSpace(VatId) && (VatId.Length > 40 || !SupplierMasterIdentifiers.IsValidVatId(VatId)))
            e.Add($"{prefix}.vat_id", "must be a VAT id: a 2-letter country prefix and 2-13 letters or digits, e.g. DE123456789");
        if (!string.IsNullOrWhiteSpace(Iban) && (Iban.Length > 50 || !SupplierMasterIdentifiers.IsValidIban(Iban)))
            e.Add($"{prefix}.iban", "must be an IBAN with a valid ISO 13616 check (mod 97), e.g. DE89 3704 0044 0532 0130 00");
    }
}
