using AiGovernance.Agents.Documents;
using AiGovernance.Agents.Documents.Reading;

namespace AiGovernance.Agents.Tests.Documents;

public class PdfDocumentReaderFailureTests
{
    private static readonly DocumentReadOptions Defaults = new();

    [Fact]
    public void Garbage_bytes_are_corrupt_not_an_exception()
    {
        var bytes = "this is a plain text file, not a PDF"u8.ToArray();

        var doc = PdfDocumentReader.Read(bytes, Defaults, CancellationToken.None);

        Assert.Equal(DocumentReadStatus.Corrupt, doc.Status);
        Assert.Equal(ReadProblems.NotPdf, doc.Problem);
        Assert.Empty(doc.Pages);
    }

    [Fact]
    public void A_truncated_pdf_is_corrupt()
    {
        var whole = File.ReadAllBytes(SharedData.PathOf("invoice2data", "compare", "oyo.pdf"));
        var truncated = whole[..(whole.Length / 3)];

        var doc = PdfDocumentReader.Read(truncated, Defaults, CancellationToken.None);

        Assert.Equal(DocumentReadStatus.Corrupt, doc.Status);
        Assert.Equal(ReadProblems.Broken, doc.Problem);
    }

    [Fact]
    public void A_blank_page_is_empty()
    {
        var doc = PdfDocumentReader.Read(TestPdfs.BlankPage(), Defaults, CancellationToken.None);

        Assert.Equal(DocumentReadStatus.Empty, doc.Status);
        Assert.Equal(1, doc.PageCount);
        Assert.False(string.IsNullOrWhiteSpace(doc.Problem));
    }

    [Fact]
    public void Image_only_pages_have_no_text_layer()
    {
        var png = File.ReadAllBytes(SharedData.PathOf("invoice2data", "compare", "oyo.png"));

        var doc = PdfDocumentReader.Read(TestPdfs.ImageOnly(png), Defaults, CancellationToken.None);

        Assert.Equal(DocumentReadStatus.NoTextLayer, doc.Status);
        Assert.Contains("no text layer; OCR is not available", doc.Problem);
    }

    [Fact]
    public void A_password_protected_pdf_is_encrypted()
    {
        var doc = PdfDocumentReader.Read(TestPdfs.PasswordProtected(), Defaults, CancellationToken.None);

        Assert.Equal(DocumentReadStatus.Encrypted, doc.Status);
        Assert.Equal(ReadProblems.Encrypted, doc.Problem);
    }

    [Fact]
    public void The_parsee_invoice_with_an_undecodable_font_is_reported_as_such()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("parsee-invoices", "pdf", "Invoice _ TeamGantt-May.pdf"));

        var doc = PdfDocumentReader.Read(bytes, Defaults, CancellationToken.None);

        Assert.Equal(DocumentReadStatus.UndecodableFont, doc.Status);
        Assert.Equal(ReadProblems.UndecodableFont, doc.Problem);
        Assert.Empty(FieldExtractor.Extract(doc).Fields);
    }

    [Fact]
    public void More_bytes_than_allowed_is_too_large_before_parsing()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("invoice2data", "compare", "oyo.pdf"));

        var doc = PdfDocumentReader.Read(bytes, new DocumentReadOptions { MaxBytes = 1000 }, CancellationToken.None);

        Assert.Equal(DocumentReadStatus.TooLarge, doc.Status);
        Assert.StartsWith("sha256:", doc.Sha256);
    }

    [Fact]
    public void More_pages_than_allowed_is_too_large()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("lab-certificates", "pdf", "mcr-labs__mcr-labs-ma-6pgs.pdf"));

        var doc = PdfDocumentReader.Read(bytes, new DocumentReadOptions { MaxPages = 2 }, CancellationToken.None);

        Assert.Equal(DocumentReadStatus.TooLarge, doc.Status);
        Assert.Equal(6, doc.PageCount);
    }

    [Fact]
    public void A_read_longer_than_the_timeout_stops_waiting_with_timeout()
    {
        // Enough pages that parsing takes far longer than the deadline even when a loaded machine delays the timer.
        var bytes = TestPdfs.ManyTextPages(600);

        var doc = PdfDocumentReader.Read(bytes, new DocumentReadOptions { Timeout = TimeSpan.FromMilliseconds(20), MaxPages = 1000 }, CancellationToken.None);

        Assert.Equal(DocumentReadStatus.Timeout, doc.Status);
        Assert.Contains("took longer", doc.Problem);
    }
}
