using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Tests.Documents;

public class FieldExtractorTests
{
    [Fact]
    public void German_labels_on_the_same_line()
    {
        var doc = SyntheticDocument.Of(
            "Muster Werkzeuge GmbH",
            "Rechnung",
            "Rechnungs-Nr. | RE-2023-0042",
            "Rechnungsdatum | 4. Juli 2023",
            "Zwischensumme | 1.000,00 €",
            "zzgl. 19% MwSt. | 190,00 €",
            "Gesamtbetrag | 1.190,00 €");

        var fields = FieldExtractor.Extract(doc);

        Assert.Equal("invoice", fields.DocumentType);
        Assert.Equal("RE-2023-0042", fields[FieldNames.InvoiceNumber]?.Value);
        Assert.Equal("2023-07-04", fields[FieldNames.IssueDate]?.Value);
        Assert.Equal("1190.00", fields[FieldNames.TotalAmount]?.Value);
        Assert.Equal("1000.00", fields[FieldNames.NetAmount]?.Value);
        Assert.Equal("190.00", fields[FieldNames.TaxAmount]?.Value);
        Assert.Equal("EUR", fields[FieldNames.Currency]?.Value);
        Assert.Equal("Rechnungs-Nr. RE-2023-0042", fields[FieldNames.InvoiceNumber]?.Evidence);
        Assert.Equal(1, fields[FieldNames.InvoiceNumber]?.Page);
    }

    [Fact]
    public void A_value_below_its_label_is_found_with_less_confidence_than_one_beside_it()
    {
        var doc = SyntheticDocument.Of(
            "Invoice INV/2023/03/0008",
            "Invoice Date: | Due Date: | Reference:",
            "03/20/2023 | 04/04/2023 | CUSTREF123");

        var besideIt = SyntheticDocument.Of("Invoice INV/2023/03/0008", "Invoice Date: 03/20/2023");

        var fields = FieldExtractor.Extract(doc);

        Assert.Equal("2023-03-20", fields[FieldNames.IssueDate]?.Value);
        Assert.Equal("2023-04-04", fields[FieldNames.DueDate]?.Value);
        Assert.True(fields[FieldNames.IssueDate]!.Confidence < FieldExtractor.Extract(besideIt)[FieldNames.IssueDate]!.Confidence);
    }

    [Fact]
    public void The_total_consistent_with_net_plus_tax_wins_and_gains_confidence()
    {
        var consistent = FieldExtractor.Extract(SyntheticDocument.Of(
            "Invoice # 77", "Subtotal | $ 262.90", "Tax 15% on $ 112.90 | $ 16.94", "Total | $ 279.84", "Amount due | $ 0.00"));
        var alone = FieldExtractor.Extract(SyntheticDocument.Of("Invoice # 77", "Total | $ 279.84"));

        Assert.Equal("279.84", consistent[FieldNames.TotalAmount]?.Value);
        Assert.Equal("16.94", consistent[FieldNames.TaxAmount]?.Value);
        Assert.True(consistent[FieldNames.TotalAmount]!.Confidence > alone[FieldNames.TotalAmount]!.Confidence);
    }

    [Fact]
    public void Fields_that_are_not_printed_are_absent()
    {
        var fields = FieldExtractor.Extract(SyntheticDocument.Of("Dear customer,", "thank you for your visit."));

        Assert.Null(fields[FieldNames.InvoiceNumber]);
        Assert.Null(fields[FieldNames.TotalAmount]);
        Assert.Null(fields[FieldNames.IssueDate]);
        Assert.Null(fields[FieldNames.Currency]);
    }

    [Fact]
    public void The_seller_block_names_the_supplier_and_the_buyer_block_does_not()
    {
        var doc = SyntheticDocument.Of(
            "Seller: | Buyer:",
            "Acme Tools GmbH | SimFin Analytics GmbH",
            "USt-IdNr DE318745729 | Ihre USt-IdNr. DE303303712",
            "Invoice no. 2023-17");

        var fields = FieldExtractor.Extract(doc);

        Assert.Equal("Acme Tools GmbH", fields[FieldNames.SupplierName]?.Value);
        Assert.Equal("DE318745729", fields[FieldNames.VatId]?.Value);
    }

    [Fact]
    public void A_company_beside_a_bill_to_block_is_the_supplier()
    {
        var doc = SyntheticDocument.Of(
            "Invoice number 42A5DE55-0071",
            "Squeaky B.V. | Bill to",
            "Debussystraat 43 | SimFin Analytics GmbH",
            "2324KH Leiden | Pfälzer Ufer 4");

        Assert.Equal("Squeaky B.V.", FieldExtractor.Extract(doc)[FieldNames.SupplierName]?.Value);
    }

    [Fact]
    public void Purchase_order_and_quote_references()
    {
        var fields = FieldExtractor.Extract(SyntheticDocument.Of("QUOTATION", "Quote No: Q-1001", "PO Number: | 4500012345", "Valid until 2024-01-31"));

        Assert.Equal("quote", fields.DocumentType);
        Assert.Equal("Q-1001", fields[FieldNames.QuoteNumber]?.Value);
        Assert.Equal("4500012345", fields[FieldNames.PoReference]?.Value);
    }

    [Fact]
    public void Certificate_of_analysis_subject_and_expiry()
    {
        var fields = FieldExtractor.Extract(SyntheticDocument.Of(
            "Certificate of Analysis", "Product Name: | Lavender Oil 10 ml", "Batch: | L-2291", "Expiration Date: | 31.12.2025"));

        Assert.Equal("certificate", fields.DocumentType);
        Assert.Equal("Lavender Oil 10 ml", fields[FieldNames.CertificateSubject]?.Value);
        Assert.Equal("2025-12-31", fields[FieldNames.CertificateExpiry]?.Value);
    }

    [Fact]
    public void An_unreadable_document_has_no_fields()
    {
        var failed = new ReadDocument(DocumentReadStatus.Encrypted, "x", "sha256:0", 0, [], TimeSpan.Zero);

        Assert.Same(DocumentFields.None, FieldExtractor.Extract(failed));
    }

    [Fact]
    public void Every_field_has_a_normalized_value_a_confidence_a_page_and_evidence()
    {
        var fields = FieldExtractor.Extract(SyntheticDocument.Of("Invoice", "Invoice Date: March 20, 2023", "Total: 1 234,50 CHF"));

        Assert.All(fields.Fields, f =>
        {
            Assert.InRange(f.Confidence, 0, 1);
            Assert.Equal(1, f.Page);
            Assert.False(string.IsNullOrWhiteSpace(f.Evidence));
        });
        Assert.Equal("1234.50", fields[FieldNames.TotalAmount]?.Value);
        Assert.Equal("CHF", fields[FieldNames.Currency]?.Value);
    }

    [Fact]
    public void The_base_a_tax_is_computed_on_is_not_the_tax()
    {
        var fields = FieldExtractor.Extract(SyntheticDocument.Of("Rechnung # 67389368", "VAT @ 0% on 80.65", "Gesamtbetrag: 80,65 EUR"));

        Assert.Equal("80.65", fields[FieldNames.TotalAmount]?.Value);
        Assert.Null(fields[FieldNames.TaxAmount]);
    }

    [Fact]
    public void A_vat_id_shown_as_the_customers_anywhere_is_never_the_suppliers()
    {
        var doc = SyntheticDocument.Of(
            "Invoice number 76253815-0004",
            "VAT Number DE355369209",
            "Storyblok GmbH | Bill to",
            "A-4020 Linz | DE VAT DE355369209",
            "(VAT of Storyblok GmbH ATU72706128)");

        Assert.Equal("ATU72706128", FieldExtractor.Extract(doc)[FieldNames.VatId]?.Value);
    }
}
