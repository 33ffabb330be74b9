using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace AiGovernance.Agents.Documents.Reading;

/// <summary>
/// Builds words from letters in content-stream order. PdfPig's default extractor splits words at stray
/// space glyphs drawn over a letter ("F actuurnummer") and merges overlaid runs such as dotted leaders
/// printed across a label (".In.v.o.ic.e."); walking the letters as they were drawn and splitting on
/// real gaps, baseline changes and backward jumps avoids both.
/// </summary>
/// <summary>A word and whether it runs left to right (rotated words are laid out apart).</summary>
internal sealed record LaidWord(DocumentWord Word, bool Horizontal);

internal static class WordBuilder
{
    // In em of the letter's size: inter-word spaces are ~0.25 em, kerning gaps below 0.1 em.
    private const double WordGap = 0.18;
    private const double BaselineTolerance = 0.25;
    private const double BackwardJump = 0.3;

    public static List<LaidWord> Build(IReadOnlyList<Letter> letters, Visibility visibility)
    {
        var words = new List<LaidWord>();
        var current = new List<Letter>();
        var spacePending = false;
        foreach (var letter in letters)
        {
            var size = Math.Max(1, letter.PointSize);
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                // Only a space that stands after the previous letter separates words; some producers draw a
                // space glyph back at the start of the run.
                if (current.Count > 0 && letter.StartBaseLine.X >= current[^1].EndBaseLine.X - 0.1 * size) spacePending = true;
                continue;
            }
            if (current.Count > 0 && Breaks(current[^1], letter, size, spacePending))
            {
                words.Add(ToWord(current, visibility));
                current = [];
            }
            spacePending = false;
            current.Add(letter);
        }
        if (current.Count > 0) words.Add(ToWord(current, visibility));
        return words;
    }

    private static bool Breaks(Letter previous, Letter next, double size, bool spacePending)
    {
        if (previous.TextOrientation != next.TextOrientation) return true;
        if (next.TextOrientation != TextOrientation.Horizontal)
            return spacePending || Distance(previous.EndBaseLine, next.StartBaseLine) > WordGap * size;
        if (Math.Abs(previous.StartBaseLine.Y - next.StartBaseLine.Y) > BaselineTolerance * size) return true;
        var gap = next.StartBaseLine.X - previous.EndBaseLine.X;
        return gap > WordGap * size || gap < -BackwardJump * size || (spacePending && gap > -0.05 * size);
    }

    private static double Distance(PdfPoint a, PdfPoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    private static LaidWord ToWord(List<Letter> letters, Visibility visibility)
    {
        double left = double.MaxValue, right = double.MinValue, bottom = double.MaxValue, top = double.MinValue;
        foreach (var l in letters)
        {
            var b = l.BoundingBox;
            left = Math.Min(left, Math.Min(b.Left, l.StartBaseLine.X));
            right = Math.Max(right, Math.Max(b.Right, l.EndBaseLine.X));
            bottom = Math.Min(bottom, b.Bottom);
            top = Math.Max(top, b.Top);
        }
        var text = string.Concat(letters.Select(l => l.Value));
        var size = letters.Max(l => l.PointSize);
        var hidden = letters.All(visibility.IsHidden);
        var orientation = letters[0].TextOrientation == TextOrientation.Horizontal;
        var baseline = orientation ? letters[0].StartBaseLine.Y : bottom;
        return new LaidWord(new DocumentWord(text, left, baseline, right - left, Math.Max(0, top - bottom), Math.Round(size, 2), hidden), orientation);
    }
}
