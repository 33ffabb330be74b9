namespace AiGovernance.Agents.Documents;

/// <summary>The stable names of extracted fields (API, storage and cross-checks use these).</summary>
public static class FieldNames
{
    public const string DocumentType = "document_type";     // invoice | quote | certificate | other
    public const string SupplierName = "supplier_name";
    public const string VatId = "vat_id";
    public const string InvoiceNumber = "invoice_number";
    public const string QuoteNumber = "quote_number";
    public const string IssueDate = "issue_date";            // ISO yyyy-MM-dd
    public const string DueDate = "due_date";                // ISO yyyy-MM-dd
    public const string PoReference = "po_reference";
    public const string Currency = "currency";               // ISO 4217
    public const string NetAmount = "net_amount";            // invariant decimal, e.g. 1234.50
    public const string TaxAmount = "tax_amount";
    public const string TotalAmount = "total_amount";
    public const string CertificateSubject = "certificate_subject";
    public const string CertificateExpiry = "certificate_expiry"; // ISO yyyy-MM-dd

    public static readonly IReadOnlyList<string> All =
    [
        DocumentType, SupplierName, VatId, InvoiceNumber, QuoteNumber, IssueDate, DueDate, PoReference,
        Currency, NetAmount, TaxAmount, TotalAmount, CertificateSubject, CertificateExpiry,
    ];
}

/// <summary>One extracted value with how sure we are, where it was found and the text it came from.</summary>
/// <param name="Value">Normalized: ISO dates, invariant decimals, ISO currency codes.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Evidence">The line (or lines) of the document the value was read from, verbatim.</param>
public sealed record ExtractedField(string Name, string Value, double Confidence, int Page, string Evidence);

/// <summary>Every field found in one document; a field that was not found is absent, never guessed.</summary>
public sealed record DocumentFields(IReadOnlyList<ExtractedField> Fields)
{
    public static readonly DocumentFields None = new([]);

    public ExtractedField? this[string name] => Fields.FirstOrDefault(f => f.Name == name);

    public string DocumentType => this[FieldNames.DocumentType]?.Value ?? "other";
}
