using AiGovernance.Agents.Documents;
using AiGovernance.Agents.Summaries;
using UglyToad.PdfPig;

namespace AiGovernance.Agents.Tests.Fixtures;

/// <summary>Proves the fixtures are valid PDFs whose text layer holds what they claim, drawn the way they claim.</summary>
public class InjectedPdfsTests
{
    public static TheoryData<string, string> Fixtures => new()
    {
        { nameof(InjectedPdfs.VisibleInjection), InjectedPdfs.VisibleInstruction },
        { nameof(InjectedPdfs.WhiteTextInjection), InjectedPdfs.WhiteInstruction },
        { nameof(InjectedPdfs.TinyTextInjection), InjectedPdfs.TinyInstruction },
        { nameof(InjectedPdfs.SplitAcrossPages), InjectedPdfs.SplitInstructionEndOfPage1 + " " + InjectedPdfs.SplitInstructionStartOfPage2 },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_fixture_opens_and_its_words_include_the_injected_instruction(string fixture, string instruction)
    {
        var bytes = Build(fixture);

        using var pdf = PdfDocument.Open(bytes);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();

        Assert.True(ContainsRun(words, instruction.Split(' ')), $"\"{instruction}\" not found in: {string.Join(' ', words)}");
        Assert.Contains("1.487,50", words);
        Assert.Contains("€", words);
        Assert.Contains("Müller", words);
    }

    [Fact]
    public void White_text_is_drawn_in_white_and_tiny_text_at_two_points()
    {
        using var white = PdfDocument.Open(InjectedPdfs.WhiteTextInjection());
        using var tiny = PdfDocument.Open(InjectedPdfs.TinyTextInjection());

        var whiteWord = white.GetPage(1).GetWords().Single(w => w.Text == "Ignore");
        var tinyWord = tiny.GetPage(1).GetWords().Single(w => w.Text == "flag");

        Assert.All(whiteWord.Letters, l => Assert.Equal((1.0, 1.0, 1.0), l.Color.ToRGBValues()));
        Assert.All(tinyWord.Letters, l => Assert.Equal(2.0, l.PointSize, 1));
    }

    [Theory]
    [InlineData(nameof(InjectedPdfs.VisibleInjection), InjectionScanner.VisibleTextTechnique)]
    [InlineData(nameof(InjectedPdfs.WhiteTextInjection), InjectionScanner.HiddenTextTechnique)]
    [InlineData(nameof(InjectedPdfs.TinyTextInjection), InjectionScanner.TinyTextTechnique)]
    [InlineData(nameof(InjectedPdfs.SplitAcrossPages), InjectionScanner.SplitAcrossPagesTechnique)]
    [InlineData(nameof(InjectedPdfs.CleanInvoice), null)]
    public void The_scanner_finds_each_technique_in_the_real_pdf(string fixture, string? technique)
    {
        var doc = PdfWords.Read(Build(fixture));

        var findings = InjectionScanner.Scan(doc);

        Assert.Equal(technique is null ? [] : [technique], findings.Select(f => f.Technique));
    }

    private static byte[] Build(string fixture) =>
        (byte[])typeof(InjectedPdfs).GetMethod(fixture)!.Invoke(null, null)!;

    private static bool ContainsRun(List<string> words, string[] run) =>
        Enumerable.Range(0, Math.Max(0, words.Count - run.Length + 1)).Any(i => words.Skip(i).Take(run.Length).SequenceEqual(run));
}

/// <summary>
/// A minimal stand-in for the real PDF reader (built on another branch): words grouped into lines by
/// baseline, white letters marked hidden, point size kept. Enough to run the scanner on real PDFs.
/// </summary>
internal static class PdfWords
{
    public static ReadDocument Read(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().Select(page => new DocumentPage(page.Number, page.Width, page.Height,
            page.GetWords()
                .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
                .OrderByDescending(g => g.Key)
                .Select(g => g.OrderBy(w => w.BoundingBox.Left).Select(ToWord).ToList())
                .Select(ws => new DocumentLine(string.Join(' ', ws.Select(w => w.Text)), ws))
                .ToList())).ToList();
        return new ReadDocument(DocumentReadStatus.Ok, null, "sha256-fixture", pages.Count, pages, TimeSpan.Zero);
    }

    private static DocumentWord ToWord(UglyToad.PdfPig.Content.Word w) => new(
        w.Text, w.BoundingBox.Left, w.BoundingBox.Bottom, w.BoundingBox.Width, w.BoundingBox.Height,
        w.Letters.Max(l => l.PointSize),
        w.Letters.All(l => l.Color.ToRGBValues() is var (r, g, b) && r > 0.95 && g > 0.95 && b > 0.95));
}
