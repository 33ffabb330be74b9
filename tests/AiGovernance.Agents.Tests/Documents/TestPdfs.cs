using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace AiGovernance.Agents.Tests.Documents;

/// <summary>Builds real PDF files for the reader's failure and layout cases.</summary>
public static class TestPdfs
{
    public static byte[] BlankPage()
    {
        using var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        return builder.Build();
    }

    public static byte[] ImageOnly(byte[] png)
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.AddPng(png, new PdfRectangle(40, 300, 555, 800));
        return builder.Build();
    }

    /// <summary>Lines of Helvetica text; each entry is (text, x, y, size, white).</summary>
    public static byte[] Text(params (string Text, double X, double Y, double Size, bool White)[] runs)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        foreach (var run in runs)
        {
            if (run.White) page.SetTextAndFillColor(255, 255, 255);
            page.AddText(run.Text, run.Size, new PdfPoint(run.X, run.Y), font);
            if (run.White) page.ResetColor();
        }
        return builder.Build();
    }

    /// <summary>Many pages of text: slow enough to read that a 1 ms timeout always expires first.</summary>
    public static byte[] ManyTextPages(int pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var line = 0; line < 60; line++)
                page.AddText($"Line {line} of page {p}: quantity 12, unit price 4.50, amount 54.00", 9, new PdfPoint(40, 800 - 12 * line), font);
        }
        return builder.Build();
    }

    /// <summary>White text on a dark filled banner: visible to a reader, unlike white text on the white page.</summary>
    public static byte[] WhiteOnBanner()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.SetTextAndFillColor(20, 40, 90);
        page.DrawRectangle(new PdfPoint(40, 690), 300, 30, 0, fill: true);
        page.SetTextAndFillColor(255, 255, 255);
        page.AddText("Banner", 12, new PdfPoint(50, 700), font);
        page.AddText("Secret", 12, new PdfPoint(50, 500), font);
        return builder.Build();
    }

    /// <summary>
    /// A minimal PDF whose trailer names a standard security handler with a user password we do not know
    /// (the /U entry does not match the empty password), as a password-protected supplier file would.
    /// </summary>
    public static byte[] PasswordProtected()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream",
            "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + new string('A', 64) + "> /U <" + new string('5', 64) + "> >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
