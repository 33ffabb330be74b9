using Xunit.Abstractions;
using AiGovernance.Agents.Documents;
using AiGovernance.Agents.Summaries;
using AiGovernance.Agents.Tests.Summaries;

namespace AiGovernance.Agents.Tests.Fixtures;

/// <summary>The extractive summary of each injected PDF flags the injection and quotes none of it.</summary>
public class InjectedPdfSummaryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(nameof(InjectedPdfs.VisibleInjection))]
    [InlineData(nameof(InjectedPdfs.WhiteTextInjection))]
    [InlineData(nameof(InjectedPdfs.TinyTextInjection))]
    [InlineData(nameof(InjectedPdfs.SplitAcrossPages))]
    public async Task Summary_flags_the_injection_and_quotes_none_of_it(string fixture)
    {
        var doc = PdfWords.Read((byte[])typeof(InjectedPdfs).GetMethod(fixture)!.Invoke(null, null)!);
        var fields = TestDocuments.Fields(1, (FieldNames.DocumentType, "invoice"), (FieldNames.SupplierName, InjectedPdfs.SupplierName),
            (FieldNames.InvoiceNumber, InjectedPdfs.InvoiceNumber), (FieldNames.IssueDate, "2024-03-14"), (FieldNames.DueDate, "2024-04-13"),
            (FieldNames.Currency, "EUR"), (FieldNames.NetAmount, "1250.00"), (FieldNames.TaxAmount, "237.50"), (FieldNames.TotalAmount, "1487.50"));

        var summary = await TestServices.Extractive().SummarizeAsync(doc, fields, InjectionScanner.Scan(doc), CancellationToken.None);

        foreach (var s in summary.Sentences) output.WriteLine($"[p. {s.Page}] {s.Text}");
        Assert.Equal([SummaryFlags.DocumentAddressesAi], summary.Flags);
        Assert.Equal("The document contains instructions addressed to an AI; they were ignored.", summary.Sentences[^1].Text);
        Assert.DoesNotContain(summary.Sentences.SkipLast(1), s =>
            s.Text.Contains("instructions", StringComparison.OrdinalIgnoreCase) || s.Text.Contains("approve", StringComparison.OrdinalIgnoreCase)
            || s.Text.Contains("flag", StringComparison.OrdinalIgnoreCase) || s.Text.Contains("ignore", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(summary.Sentences, s => s.Text.StartsWith("Lieferung von 50 Bürostühlen"));
        Assert.Equal("Invoice RE-2024-1187 from Müller Bürobedarf GmbH dated 2024-03-14, total EUR 1487.50, due 2024-04-13.", summary.Sentences[0].Text);
    }
}
