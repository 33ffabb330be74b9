using System.Globalization;
using UglyToad.PdfPig.Content;

namespace AiGovernance.Agents.Documents.Reading;

/// <summary>
/// Counts what the pages hold (letters, readable letters, images) to tell a readable document from an
/// empty one, a scan without a text layer, or text drawn with fonts that have no usable character map.
/// </summary>
internal sealed class TextCensus
{
    // Below this share of decodable characters the text is not worth extracting from: a reviewer would
    // see gibberish, and fields found in it would be accidents.
    private const double MinReadableShare = 0.5;
    // Fonts with a broken ToUnicode map often decode to ASCII digits and punctuation instead of control
    // characters; real documents, even numeric certificates, are more than half letters (measured: 52–90 %).
    private const double MinLetterShare = 0.1;

    private int _letters;
    private int _readable;
    private int _alphabetic;
    private int _images;

    public void AddPage(Page page)
    {
        // Counting images means parsing the page's resources; only a page without letters needs it.
        if (page.Letters.Count == 0) _images += page.NumberOfImages;
        foreach (var letter in page.Letters)
            foreach (var c in letter.Value)
            {
                if (char.IsWhiteSpace(c)) continue;
                _letters++;
                if (IsReadable(c)) _readable++;
                if (char.IsLetter(c)) _alphabetic++;
            }
    }

    public (DocumentReadStatus Status, string Problem)? Verdict()
    {
        if (_letters == 0)
            return _images > 0
                ? (DocumentReadStatus.NoTextLayer, ReadProblems.NoTextLayer)
                : (DocumentReadStatus.Empty, ReadProblems.NoContent);
        return (double)_readable / _letters < MinReadableShare || (double)_alphabetic / _letters < MinLetterShare
            ? (DocumentReadStatus.UndecodableFont, ReadProblems.UndecodableFont)
            : null;
    }

    /// <summary>Private-use code points, U+FFFD and control characters are what an unmapped glyph decodes to.</summary>
    public static bool IsReadable(char c)
    {
        if (c == '\uFFFD' || char.IsControl(c) || char.IsSurrogate(c)) return false;
        return CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
    }
}
