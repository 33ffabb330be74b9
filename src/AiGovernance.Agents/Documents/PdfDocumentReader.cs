using System.Diagnostics;
using System.Security.Cryptography;
using AiGovernance.Agents.Documents.Reading;

namespace AiGovernance.Agents.Documents;

/// <summary>
/// Reads a supplier PDF into pages, lines and positioned words with PdfPig. Never throws for a bad
/// file: every failure is a <see cref="DocumentReadStatus"/> with a one-sentence problem.
/// </summary>
public static class PdfDocumentReader
{
    public static ReadDocument Read(byte[] bytes, DocumentReadOptions options, CancellationToken ct) =>
        ReadAsync(bytes, options, ct).GetAwaiter().GetResult();

    public static async Task<ReadDocument> ReadAsync(byte[] bytes, DocumentReadOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var sha = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (bytes.LongLength > options.MaxBytes)
            return Failed(DocumentReadStatus.TooLarge, ReadProblems.TooManyBytes(bytes.LongLength, options.MaxBytes), sha, 0, clock);
        if (!PdfHeader.LooksLikePdf(bytes))
            return Failed(DocumentReadStatus.Corrupt, ReadProblems.NotPdf, sha, 0, clock);

        // PdfPig is synchronous and cannot be interrupted mid-page, so the parse runs on the thread pool
        // and we stop waiting at the deadline; the token tells the abandoned parse to stop between pages.
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var parse = Task.Run(() => PdfParse.Run(bytes, options, abandon.Token), CancellationToken.None);
        var finished = await Task.WhenAny(parse, Task.Delay(options.Timeout, ct)).ConfigureAwait(false);
        if (finished != parse)
        {
            await abandon.CancelAsync().ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            return Failed(DocumentReadStatus.Timeout, ReadProblems.TimedOut(options.Timeout), sha, 0, clock);
        }

        var outcome = await parse.ConfigureAwait(false);
        return new ReadDocument(outcome.Status, outcome.Problem, sha, outcome.PageCount,
            outcome.Status == DocumentReadStatus.Ok ? outcome.Pages : [], clock.Elapsed);
    }

    private static ReadDocument Failed(DocumentReadStatus status, string problem, string sha, int pages, Stopwatch clock) =>
        new(status, problem, sha, pages, [], clock.Elapsed);
}
