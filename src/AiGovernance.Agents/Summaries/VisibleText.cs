using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Summaries;

/// <summary>
/// The text a reviewer can actually see. Hidden words (white, invisible render mode, off-page) and
/// tiny words (under 4 pt) are left out, so nothing a person cannot read is quoted to them or handed
/// to a model as if it were part of the document.
/// </summary>
public static class VisibleText
{
    /// <summary>Below this size text is not readable on paper or screen; a common injection trick.</summary>
    public const double TinyFontSize = 4.0;

    /// <summary>A font size of 0 means the reader could not tell; such words count as normal size.</summary>
    public static bool IsTiny(DocumentWord word) => word.FontSize > 0 && word.FontSize < TinyFontSize;

    public static bool IsReadable(DocumentWord word) => !word.Hidden && !IsTiny(word);

    /// <summary>A line's readable words; a line the reader gave no words for is taken as it is.</summary>
    public static string Line(DocumentLine line) =>
        line.Words.Count == 0 ? line.Text.Trim() : string.Join(' ', line.Words.Where(IsReadable).Select(w => w.Text));

    public static IReadOnlyList<string> Lines(DocumentPage page) =>
        page.Lines.Select(Line).Where(l => l.Length > 0).ToList();

    public static string Page(DocumentPage page) => string.Join('\n', Lines(page));
}
