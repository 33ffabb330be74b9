namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>A run of words on one line with no wide gap inside: one column of a form or table row.</summary>
/// <param name="Start">Character offset of the cell in <see cref="TextLine.Text"/>.</param>
public sealed record Cell(string Text, int Start, double Left, double Right)
{
    public int End => Start + Text.Length;
    public bool Overlaps(double left, double right, double slack = 2) => Left <= right + slack && Right >= left - slack;
}

/// <summary>A document line prepared for extraction: its cells, position and page.</summary>
public sealed class TextLine
{
    // A normal word space is ~0.25–0.3 em; columns of a layout are separated by well over one em.
    private const double CellGapEm = 1.0;

    public TextLine(DocumentPage page, int index, DocumentLine line)
    {
        Page = page.Number;
        Index = index;
        Text = line.Text;
        Y = line.Words.Count == 0 ? 0 : line.Words.Average(w => w.Y);
        PageHeight = page.Height;
        FontSize = line.Words.Count == 0 ? 0 : line.Words.Max(w => w.FontSize);
        Words = line.Words;
        Cells = SplitCells(line.Words);
    }

    public int Page { get; }
    /// <summary>Position of the line in the whole document (reading order).</summary>
    public int Index { get; }
    public string Text { get; }
    public double Y { get; }
    public double PageHeight { get; }
    public double FontSize { get; }
    public IReadOnlyList<DocumentWord> Words { get; }
    public IReadOnlyList<Cell> Cells { get; }

    /// <summary>0 at the top of the page, 1 at the bottom.</summary>
    public double Depth => PageHeight <= 0 ? 0 : Math.Clamp(1 - Y / PageHeight, 0, 1);

    public Cell? CellAt(int offset) => Cells.FirstOrDefault(c => offset >= c.Start && offset < c.End + 1);

    /// <summary>Horizontal extent of the text between two character offsets.</summary>
    public (double Left, double Right) Extent(int start, int end)
    {
        double left = double.MaxValue, right = double.MinValue;
        var offset = 0;
        foreach (var w in Words)
        {
            var wordEnd = offset + w.Text.Length;
            if (wordEnd > start && offset < end) { left = Math.Min(left, w.X); right = Math.Max(right, w.X + w.Width); }
            offset = wordEnd + 1;
        }
        return left == double.MaxValue ? (0, 0) : (left, right);
    }

    private static List<Cell> SplitCells(IReadOnlyList<DocumentWord> words)
    {
        var cells = new List<Cell>();
        if (words.Count == 0) return cells;
        int offset = 0, cellStart = 0;
        var first = 0;
        for (var i = 1; i <= words.Count; i++)
        {
            offset += words[i - 1].Text.Length + 1;
            var split = i == words.Count;
            if (!split)
            {
                var gap = words[i].X - (words[i - 1].X + words[i - 1].Width);
                var em = Math.Max(4, Math.Max(words[i].FontSize, words[i - 1].FontSize));
                split = gap > CellGapEm * em;
            }
            if (!split) continue;
            var text = string.Join(' ', words.Skip(first).Take(i - first).Select(w => w.Text));
            cells.Add(new Cell(text, cellStart, words[first].X, words[i - 1].X + words[i - 1].Width));
            first = i;
            cellStart = offset;
        }
        return cells;
    }
}
