using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace AiGovernance.Agents.Documents.Reading;

internal sealed record ParseOutcome(DocumentReadStatus Status, string? Problem, int PageCount, IReadOnlyList<DocumentPage> Pages);

/// <summary>The synchronous part of reading: open with PdfPig, lay out every page, classify the result.</summary>
internal static class PdfParse
{
    public static ParseOutcome Run(byte[] bytes, DocumentReadOptions options, CancellationToken ct)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true });
            var count = pdf.NumberOfPages;
            if (count == 0) return Fail(DocumentReadStatus.Empty, ReadProblems.NoPages, 0);
            if (count > options.MaxPages) return Fail(DocumentReadStatus.TooLarge, ReadProblems.TooManyPages(count, options.MaxPages), count);

            var pages = new List<DocumentPage>(count);
            var census = new TextCensus();
            for (var n = 1; n <= count; n++)
            {
                ct.ThrowIfCancellationRequested();
                var page = pdf.GetPage(n);
                census.AddPage(page);
                pages.Add(PageLayout.Build(page));
            }
            return census.Verdict() is { } failure
                ? Fail(failure.Status, failure.Problem, count)
                : new ParseOutcome(DocumentReadStatus.Ok, null, count, pages);
        }
        catch (PdfDocumentEncryptedException)
        {
            return Fail(DocumentReadStatus.Encrypted, ReadProblems.Encrypted, 0);
        }
        catch (OperationCanceledException)
        {
            return Fail(DocumentReadStatus.Timeout, ReadProblems.TimedOut(options.Timeout), 0);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig signals broken structure with many exception types (format, parse, index, null, cast,
            // end of stream); for a reviewer they all mean the same thing: this file cannot be parsed.
            return IsEncryptionFailure(ex)
                ? Fail(DocumentReadStatus.Encrypted, ReadProblems.Encrypted, 0)
                : Fail(DocumentReadStatus.Corrupt, ReadProblems.Broken, 0);
        }
    }

    // Some encrypted files fail inside the security handler with a generic exception rather than
    // PdfDocumentEncryptedException; the inner chain still names it.
    private static bool IsEncryptionFailure(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is PdfDocumentEncryptedException) return true;
        return false;
    }

    private static ParseOutcome Fail(DocumentReadStatus status, string problem, int pages) => new(status, problem, pages, []);
}
