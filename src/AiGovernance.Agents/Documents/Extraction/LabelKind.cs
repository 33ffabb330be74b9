namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>What a printed label announces. Kinds that are not fields exist so their values are not taken for ours.</summary>
public enum LabelKind
{
    InvoiceNumber,
    /// <summary>A bare "Invoice"/"Rechnung" or a booking/receipt reference: an invoice number only if nothing better.</summary>
    InvoiceNumberWeak,
    QuoteNumber,
    IssueDate,
    /// <summary>A bare "Date"/"Datum".</summary>
    IssueDateWeak,
    /// <summary>Receipts often carry only the payment date, which is then the document's date.</summary>
    PaymentDate,
    DueDate,
    OtherDate,
    PoReference,
    OtherReference,
    Total,
    Net,
    Tax,
    Currency,
    VatId,
    CustomerVatId,
    /// <summary>"Bill to", "Rechnung an", "Buyer": the block below names the customer, not the supplier.</summary>
    Recipient,
    /// <summary>"Seller", "Sold by", "Service provider": the block below names the supplier.</summary>
    Seller,
    CertificateSubject,
    CertificateExpiry,
}
