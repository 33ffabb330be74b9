using AiGovernance.Agents.Documents.Extraction;

namespace AiGovernance.Agents.Tests.Documents;

public class LabelMatcherTests
{
    private static IReadOnlyList<LabelHit> LabelsOn(string line) => new DocumentModel(SyntheticDocument.Of(line)).Hits[0];

    [Theory]
    [InlineData("Invoice number: 42", LabelKind.InvoiceNumber)]
    [InlineData("Invoice # 3189846", LabelKind.InvoiceNumber)]
    [InlineData("Rechnungsnummer 4711", LabelKind.InvoiceNumber)]
    [InlineData("Rechnungs-Nr. 02581", LabelKind.InvoiceNumber)]
    [InlineData("RechnungsNr: 70128793", LabelKind.InvoiceNumber)]
    [InlineData("Belegnummer 77", LabelKind.InvoiceNumber)]
    [InlineData("Rechnungsdatum 7. Mai 2014", LabelKind.IssueDate)]
    [InlineData("Fällig am: 31/08/2022", LabelKind.DueDate)]
    [InlineData("Gesamtbetrag 119,00 €", LabelKind.Total)]
    [InlineData("Amount due $19.00", LabelKind.Total)]
    [InlineData("Netto 100,00", LabelKind.Net)]
    [InlineData("MwSt 19,00", LabelKind.Tax)]
    [InlineData("USt-IdNr DE318745729", LabelKind.VatId)]
    [InlineData("Bestellnummer 4500012345", LabelKind.PoReference)]
    [InlineData("Angebot 2023-17", LabelKind.QuoteNumber)]
    [InlineData("gültig bis 31.12.2025", LabelKind.CertificateExpiry)]
    public void English_and_German_labels(string line, LabelKind kind)
    {
        var hits = LabelsOn(line);

        Assert.Equal(kind, Assert.Single(hits).Kind);
    }

    [Theory]
    [InlineData("Total HT : 46,68 €", LabelKind.Net)]
    [InlineData("Total Ex. Tax USD 40.25", LabelKind.Net)]
    [InlineData("Summe brutto (in EURO) 202,80", LabelKind.Total)]
    [InlineData("Invoice Date: 20-10-2015", LabelKind.IssueDate)]
    [InlineData("Due Date: Jan 31, 2022", LabelKind.DueDate)]
    public void The_longest_label_wins(string line, LabelKind kind)
    {
        Assert.Equal(kind, LabelsOn(line)[0].Kind);
    }

    [Fact]
    public void A_label_word_inside_a_sentence_is_not_a_label()
    {
        Assert.Empty(LabelsOn("Email or talk to us about your bill"));
    }

    [Fact]
    public void Labels_in_separate_columns_are_all_found()
    {
        var kinds = LabelsOn("Invoice Date: | Due Date: | Reference:").Select(h => h.Kind);

        Assert.Equal([LabelKind.IssueDate, LabelKind.DueDate, LabelKind.OtherReference], kinds);
    }
}
