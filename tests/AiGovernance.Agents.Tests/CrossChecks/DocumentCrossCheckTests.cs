using AiGovernance.Agents.CrossChecks;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Tests.CrossChecks;

public class DocumentCrossCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static RequisitionFacts Facts(decimal amount = 1000m, string currency = "EUR", string supplier = "Coolblue B.V.", DateOnly? neededBy = null) =>
        new("REQ-000042", supplier, ["REQ-000042", "PO-7788"], amount, currency, neededBy,
            (value, from, to) => from == to ? value : from == "USD" && to == "EUR" ? value * 0.5m : null);

    private static DocumentFields Fields(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new ExtractedField(f.Name, f.Value, 0.9, 1, $"{f.Name}: {f.Value}")).ToList());

    private static IReadOnlyList<CrossCheckFinding> Check(DocumentFields fields, RequisitionFacts facts) =>
        DocumentCrossCheck.Check(fields, facts, tolerancePct: 2m, warningDays: 30, Today);

    [Fact]
    public void Matching_document_has_no_findings()
    {
        var fields = Fields((FieldNames.SupplierName, "COOLBLUE BV"), (FieldNames.PoReference, "po 7788"), (FieldNames.NetAmount, "1010.00"),
            (FieldNames.TotalAmount, "1201.90"), (FieldNames.Currency, "EUR"));

        Assert.Empty(Check(fields, Facts()));
    }

    [Fact]
    public void Missing_fields_are_never_mismatches()
    {
        Assert.Empty(Check(DocumentFields.None, Facts()));
    }

    [Fact]
    public void Total_outside_tolerance_is_an_amount_mismatch_hold_with_the_page_and_percentage()
    {
        var finding = Assert.Single(Check(Fields((FieldNames.TotalAmount, "1500.00")), Facts()));

        Assert.Equal(("amount_mismatch", "hold"), (finding.Code, finding.Severity));
        Assert.Contains("+50.0%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("page 1", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_in_another_currency_are_converted_at_the_policy_rate()
    {
        Assert.Empty(Check(Fields((FieldNames.TotalAmount, "2000.00"), (FieldNames.Currency, "USD")), Facts()));
        var finding = Assert.Single(Check(Fields((FieldNames.TotalAmount, "10.00"), (FieldNames.Currency, "CHF")), Facts()));
        Assert.Equal("currency_unconvertible", finding.Code);
    }

    [Fact]
    public void Different_supplier_is_a_hold_and_legal_forms_do_not_count()
    {
        var finding = Assert.Single(Check(Fields((FieldNames.SupplierName, "Amazon Web Services, Inc.")), Facts()));

        Assert.Equal("supplier_mismatch", finding.Code);
        Assert.Equal(1.0, CompanyNames.Similarity("Medienpilot GmbH & Co. KG", "MEDIENPILOT"));
    }

    [Fact]
    public void Unknown_po_reference_is_a_note()
    {
        var finding = Assert.Single(Check(Fields((FieldNames.PoReference, "PO-1234")), Facts()));

        Assert.Equal(("po_reference_mismatch", "note"), (finding.Code, finding.Severity));
    }

    [Fact]
    public void Expired_certificate_holds_and_one_expiring_before_need_is_a_note()
    {
        Assert.Equal("certificate_expired", Assert.Single(Check(Fields((FieldNames.CertificateExpiry, "2026-10-01")), Facts())).Code);
        var expiring = Assert.Single(Check(Fields((FieldNames.CertificateExpiry, "2027-01-10")), Facts(neededBy: new DateOnly(2026, 12, 20))));
        Assert.Equal(("certificate_expiring", "note"), (expiring.Code, expiring.Severity));
        Assert.Empty(Check(Fields((FieldNames.CertificateExpiry, "2028-01-10")), Facts(neededBy: new DateOnly(2026, 12, 20))));
    }
}
