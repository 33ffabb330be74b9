using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Tests.Summaries;

/// <summary>Builds <see cref="ReadDocument"/> values from strings, as the PDF reader would produce them.</summary>
internal static class TestDocuments
{
    public const double BodySize = 10;

    /// <summary>One page per string; lines split on '\n', words on spaces, all visible at body size.</summary>
    public static ReadDocument Make(params string[] pages) =>
        FromPages(pages.Select((text, i) => Page(i + 1, text.Split('\n').Select(l => Line(l)).ToArray())).ToArray());

    public static ReadDocument FromPages(params DocumentPage[] pages) =>
        new(DocumentReadStatus.Ok, null, "sha256-test", pages.Length, pages, TimeSpan.Zero);

    public static DocumentPage Page(int number, params DocumentLine[] lines) => new(number, 595, 842, lines);

    public static DocumentLine Line(string text, bool hidden = false, double fontSize = BodySize) =>
        Join(Words(text, hidden, fontSize));

    /// <summary>A line made of parts drawn differently, e.g. visible text followed by white text.</summary>
    public static DocumentLine Join(params IEnumerable<DocumentWord>[] parts)
    {
        var words = parts.SelectMany(p => p).ToList();
        return new DocumentLine(string.Join(' ', words.Select(w => w.Text)), words);
    }

    public static IEnumerable<DocumentWord> Words(string text, bool hidden = false, double fontSize = BodySize) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((w, i) => new DocumentWord(w, 50 + i * 40, 700, 35, fontSize, fontSize, hidden));

    public static DocumentFields Fields(int page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new ExtractedField(f.Name, f.Value, 0.9, page, f.Value)).ToList());
}
