namespace AiGovernance.Agents.Documents;

/// <summary>A word with its position on the page (PDF points, origin bottom-left) and how it is drawn.</summary>
/// <param name="Hidden">Drawn invisibly: white (or near-white) fill, text render mode "invisible", or outside the page.</param>
public sealed record DocumentWord(string Text, double X, double Y, double Width, double Height, double FontSize, bool Hidden);

/// <summary>A line of words in reading order.</summary>
public sealed record DocumentLine(string Text, IReadOnlyList<DocumentWord> Words);

/// <summary>One page: number from 1, size in points, lines top to bottom.</summary>
public sealed record DocumentPage(int Number, double Width, double Height, IReadOnlyList<DocumentLine> Lines)
{
    public string Text => string.Join('\n', Lines.Select(l => l.Text));
}

/// <summary>
/// The result of reading one file. <see cref="Pages"/> is empty unless <see cref="Status"/> is Ok;
/// <see cref="Problem"/> then says, in one sentence a reviewer understands, what is wrong.
/// </summary>
public sealed record ReadDocument(
    DocumentReadStatus Status,
    string? Problem,
    string Sha256,
    int PageCount,
    IReadOnlyList<DocumentPage> Pages,
    TimeSpan Elapsed)
{
    public bool IsReadable => Status == DocumentReadStatus.Ok;
    public string Text => string.Join("\n\f", Pages.Select(p => p.Text));
}

/// <summary>Limits for one document; defaults suit supplier invoices, quotes and certificates.</summary>
public sealed record DocumentReadOptions
{
    public int MaxPages { get; init; } = 50;
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
}
