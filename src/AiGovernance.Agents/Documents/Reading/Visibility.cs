using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace AiGovernance.Agents.Documents.Reading;

/// <summary>Whether a letter is drawn so a person reading the page cannot see it.</summary>
internal static class Visibility
{
    // White-on-white is the common trick; "near" catches 0.98-grey that is just as invisible on paper.
    private const double NearWhite = 0.95;

    public static bool IsHidden(Letter letter, PdfRectangle pageBox)
    {
        if (letter.RenderingMode is TextRenderingMode.Neither or TextRenderingMode.NeitherClip) return true;
        if (IsOutside(letter.BoundingBox, pageBox)) return true;
        var colour = letter.RenderingMode is TextRenderingMode.Stroke or TextRenderingMode.StrokeClip
            ? letter.StrokeColor
            : letter.FillColor;
        if (colour is null) return false;
        var (r, g, b) = colour.ToRGBValues();
        return r >= NearWhite && g >= NearWhite && b >= NearWhite;
    }

    private static bool IsOutside(PdfRectangle glyph, PdfRectangle page) =>
        glyph.Right < page.Left || glyph.Left > page.Right || glyph.Top < page.Bottom || glyph.Bottom > page.Top;
}
