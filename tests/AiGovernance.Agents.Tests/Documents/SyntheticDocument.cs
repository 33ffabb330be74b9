using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Tests.Documents;

/// <summary>
/// A laid-out document from text, for extractor rules: one string per line, " | " between columns
/// (column k starts at 40 + 250·k points, as in a two- or three-column form), lines 14 pt apart from the
/// top. "@x" at the start of a line indents it to x points.
/// </summary>
public static class SyntheticDocument
{
    private const double CharWidth = 5;
    private const double ColumnWidth = 250;

    public static ReadDocument Of(params string[] lines)
    {
        var docLines = new List<DocumentLine>();
        var y = 800.0;
        foreach (var raw in lines)
        {
            var text = raw;
            var x = 40.0;
            if (text.StartsWith('@'))
            {
                var space = text.IndexOf(' ');
                x = double.Parse(text[1..space], System.Globalization.CultureInfo.InvariantCulture);
                text = text[(space + 1)..];
            }
            var words = new List<DocumentWord>();
            var columns = text.Split(" | ");
            for (var k = 0; k < columns.Length; k++)
            {
                var column = columns[k];
                if (k > 0) x = Math.Max(x + 20, 40 + ColumnWidth * k);
                foreach (var w in column.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    words.Add(new DocumentWord(w, x, y, w.Length * CharWidth, 8, 10, false));
                    x += (w.Length + 1) * CharWidth;
                }
            }
            if (words.Count > 0) docLines.Add(new DocumentLine(string.Join(' ', words.Select(w => w.Text)), words));
            y -= 14;
        }
        var page = new DocumentPage(1, 595, 842, docLines);
        return new ReadDocument(DocumentReadStatus.Ok, null, "sha256:test", 1, [page], TimeSpan.Zero);
    }
}
