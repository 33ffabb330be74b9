using AiGovernance.Agents.Documents;
using static AiGovernance.Agents.Tests.Summaries.TestDocuments;

namespace AiGovernance.Agents.Tests.Summaries;

/// <summary>A two-page supplier invoice, modelled on a real press-subscription invoice.</summary>
internal static class SampleInvoice
{
    public const string Page1 =
        "NETPRESSE SAS\n" +
        "12 rue de la Presse, 75002 Paris\n" +
        "Invoice 2022089083\n" +
        "Invoice date: 28.11.2022\n" +
        "Due date: 28.12.2022\n" +
        "This invoice covers the annual digital subscription to Le Monde and Les Echos for the purchasing\n" +
        "department, billed for the period December 2022 to November 2023.\n" +
        "Access is provided for five named users at the Hamburg office.\n" +
        "Net amount 47,08 EUR\n" +
        "VAT 19% 8,94 EUR\n" +
        "Total 56,02 EUR\n" +
        "Tel: +33 1 23 45 67 89";

    public const string Page2 =
        "Terms and conditions\n" +
        "Subscriptions renew automatically for another year unless cancelled in writing two months before the end of the period.\n" +
        "Late payments incur interest at three percentage points above the ECB base rate.\n" +
        "IBAN FR76 3000 6000 0112 3456 7890 189\n" +
        "Page 2 of 2";

    public static ReadDocument Document() => Make(Page1, Page2);

    public static DocumentFields Fields(string dueDate = "2022-12-28", string total = "56.02") => TestDocuments.Fields(1,
        (FieldNames.DocumentType, "invoice"),
        (FieldNames.SupplierName, "NETPRESSE"),
        (FieldNames.InvoiceNumber, "2022089083"),
        (FieldNames.IssueDate, "2022-11-28"),
        (FieldNames.DueDate, dueDate),
        (FieldNames.Currency, "EUR"),
        (FieldNames.NetAmount, "47.08"),
        (FieldNames.TaxAmount, "8.94"),
        (FieldNames.TotalAmount, total));
}
