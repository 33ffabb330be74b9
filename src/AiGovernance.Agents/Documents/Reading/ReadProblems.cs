using System.Globalization;

namespace AiGovernance.Agents.Documents.Reading;

/// <summary>The one-sentence problems shown to reviewers; kept together so wording stays consistent.</summary>
public static class ReadProblems
{
    public const string NotPdf = "The file is not a PDF (no %PDF header).";
    public const string Broken = "The PDF is truncated or structurally broken and cannot be parsed.";
    public const string Encrypted = "The PDF is encrypted or password-protected and cannot be read.";
    public const string NoPages = "The PDF has no pages.";
    public const string NoContent = "The PDF's pages contain no text and no images.";
    public const string NoTextLayer = "The pages are images only: no text layer; OCR is not available.";
    public const string UndecodableFont = "The PDF's text uses fonts whose characters cannot be decoded into readable text.";

    public static string TooManyBytes(long bytes, long max) =>
        string.Create(CultureInfo.InvariantCulture, $"The file is {bytes:N0} bytes, over the limit of {max:N0} bytes.");

    public static string TooManyPages(int pages, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"The PDF has {pages} pages, over the limit of {max}.");

    public static string TimedOut(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"Reading the PDF took longer than the {timeout.TotalSeconds:0.#} s limit.");
}
