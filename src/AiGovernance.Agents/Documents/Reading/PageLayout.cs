using UglyToad.PdfPig.Content;

namespace AiGovernance.Agents.Documents.Reading;

/// <summary>
/// Turns a PdfPig page into lines in reading order: words are clustered by baseline (top to bottom),
/// then ordered left to right. Baseline clustering is cheap and keeps label and value of a form row
/// on one line even when they are far apart, which is what the field extractor relies on.
/// </summary>
internal static class PageLayout
{
    public static DocumentPage Build(Page page)
    {
        var horizontal = new List<DocumentWord>();
        var other = new List<DocumentWord>();
        foreach (var laid in WordBuilder.Build(page.Letters, new Visibility(page)))
        {
            // Dotted or ruled leaders between a label and its value are decoration, not words.
            if (IsLeader(laid.Word.Text)) continue;
            (laid.Horizontal ? horizontal : other).Add(laid.Word);
        }

        var lines = GroupIntoLines(horizontal);
        // Rotated words (stamps, side margins) have no meaningful baseline shared with others:
        // one line each, placed where their top is.
        lines.AddRange(other.Select(w => new DocumentLine(w.Text, [w])));
        lines.Sort((a, b) => Top(b).CompareTo(Top(a)));
        return new DocumentPage(page.Number, page.Width, page.Height, lines);
    }

    private static double Top(DocumentLine line) => line.Words.Max(w => w.Y + w.Height);

    private static List<DocumentLine> GroupIntoLines(List<DocumentWord> words)
    {
        words.Sort((a, b) => b.Y.CompareTo(a.Y));
        var lines = new List<DocumentLine>();
        var current = new List<DocumentWord>();
        var baseline = double.NaN;
        foreach (var word in words)
        {
            // Tolerance relative to the text size: subscripts and mixed fonts on one row still join,
            // while rows of small print (about one line height apart) stay separate.
            var tolerance = Math.Max(1.0, 0.35 * Math.Max(word.Height, word.FontSize * 0.7));
            if (current.Count > 0 && Math.Abs(word.Y - baseline) > tolerance)
            {
                lines.Add(ToLine(current));
                current = [];
            }
            if (current.Count == 0) baseline = word.Y;
            current.Add(word);
        }
        if (current.Count > 0) lines.Add(ToLine(current));
        return lines;
    }

    private static DocumentLine ToLine(List<DocumentWord> words)
    {
        words.Sort((a, b) => a.X.CompareTo(b.X));
        return new DocumentLine(string.Join(' ', words.Select(w => w.Text)), words);
    }

    private static bool IsLeader(string text) => text.Length >= 4 && text.All(c => c is '.' or '_' or '-' or '·' or '…' or '=');
}
