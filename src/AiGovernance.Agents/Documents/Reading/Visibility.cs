using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Colors;

namespace AiGovernance.Agents.Documents.Reading;

/// <summary>
/// Whether letters are drawn so a person reading the page cannot see them: invisible render mode, outside
/// the page, or white on white. White text on a dark banner or over an image is visible, so a white letter
/// is hidden only when no dark filled shape or image lies under it.
/// </summary>
internal sealed class Visibility(Page page)
{
    // White-on-white is the common trick; "near" catches 0.98-grey that is just as invisible on paper.
    private const double NearWhite = 0.95;

    private readonly PdfRectangle _pageBox = page.CropBox.Bounds;
    private List<PdfRectangle>? _backgrounds;

    public bool IsHidden(Letter letter)
    {
        if (letter.RenderingMode is TextRenderingMode.Neither or TextRenderingMode.NeitherClip) return true;
        if (IsOutside(letter.BoundingBox, _pageBox)) return true;
        var colour = letter.RenderingMode is TextRenderingMode.Stroke or TextRenderingMode.StrokeClip
            ? letter.StrokeColor
            : letter.FillColor;
        return IsWhite(colour) && !OnBackground(letter.BoundingBox);
    }

    private static bool IsWhite(IColor? colour)
    {
        if (colour is null) return false;
        var (r, g, b) = colour.ToRGBValues();
        return r >= NearWhite && g >= NearWhite && b >= NearWhite;
    }

    private bool OnBackground(PdfRectangle glyph)
    {
        // Collected only when a white letter turns up, which is rare: most pages never pay for it.
        _backgrounds ??= Backgrounds();
        var (x, y) = ((glyph.Left + glyph.Right) / 2, (glyph.Bottom + glyph.Top) / 2);
        return _backgrounds.Any(r => x >= r.Left && x <= r.Right && y >= r.Bottom && y <= r.Top);
    }

    private List<PdfRectangle> Backgrounds()
    {
        var shapes = new List<PdfRectangle>();
        foreach (var path in page.Paths)
            if (path.IsFilled && !IsWhite(path.FillColor) && path.GetBoundingRectangle() is { } box) shapes.Add(box);
        shapes.AddRange(page.GetImages().Select(i => i.BoundingBox));
        return shapes;
    }

    private static bool IsOutside(PdfRectangle glyph, PdfRectangle page) =>
        glyph.Right < page.Left || glyph.Left > page.Right || glyph.Top < page.Bottom || glyph.Bottom > page.Top;
}
