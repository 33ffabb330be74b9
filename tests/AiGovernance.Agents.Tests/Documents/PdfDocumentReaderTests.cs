using System.Security.Cryptography;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Tests.Documents;

public class PdfDocumentReaderTests
{
    [Fact]
    public void A_real_invoice_reads_into_pages_lines_and_words_with_its_hash()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("parsee-invoices", "pdf", "4836212534.pdf"));

        var doc = PdfDocumentReader.Read(bytes, new DocumentReadOptions(), CancellationToken.None);

        Assert.Equal(DocumentReadStatus.Ok, doc.Status);
        Assert.Null(doc.Problem);
        Assert.Equal(2, doc.PageCount);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), doc.Sha256);
        // The dotted leader drawn across this label must neither split nor pollute it.
        Assert.Contains(doc.Pages[0].Lines, l => l.Text == "Invoice number 4836212534");
        Assert.All(doc.Pages[0].Lines, l => Assert.DoesNotContain("....", l.Text));
    }

    [Fact]
    public void Lines_run_top_to_bottom_and_words_left_to_right()
    {
        var pdf = TestPdfs.Text(("Total", 300, 500, 10, false), ("Invoice", 50, 700, 10, false), ("EUR 10.00", 400, 500, 10, false));

        var page = PdfDocumentReader.Read(pdf, new DocumentReadOptions(), CancellationToken.None).Pages[0];

        Assert.Equal(["Invoice", "Total EUR 10.00"], page.Lines.Select(l => l.Text));
        var words = page.Lines[1].Words;
        Assert.True(words[0].X < words[1].X);
        Assert.Equal(10, words[0].FontSize, 1);
    }

    [Fact]
    public void White_text_and_text_outside_the_page_are_hidden()
    {
        var pdf = TestPdfs.Text(("Visible", 50, 700, 10, false), ("Secret", 50, 650, 10, true), ("Offpage", 50, 2000, 10, false));

        var words = PdfDocumentReader.Read(pdf, new DocumentReadOptions(), CancellationToken.None)
            .Pages[0].Lines.SelectMany(l => l.Words).ToDictionary(w => w.Text);

        Assert.False(words["Visible"].Hidden);
        Assert.True(words["Secret"].Hidden);
        Assert.True(words["Offpage"].Hidden);
    }

    [Fact]
    public void White_text_on_a_dark_banner_is_visible()
    {
        var words = PdfDocumentReader.Read(TestPdfs.WhiteOnBanner(), new DocumentReadOptions(), CancellationToken.None)
            .Pages[0].Lines.SelectMany(l => l.Words).ToDictionary(w => w.Text);

        Assert.False(words["Banner"].Hidden);
        Assert.True(words["Secret"].Hidden);
    }

    [Fact]
    public void A_kerned_label_stays_one_word()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("invoice2data", "compare", "coolblue1.pdf"));

        var doc = PdfDocumentReader.Read(bytes, new DocumentReadOptions(), CancellationToken.None);

        Assert.Contains(doc.Pages[0].Lines, l => l.Text.StartsWith("Factuurnummer: ", StringComparison.Ordinal));
    }
}
