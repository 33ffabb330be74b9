namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>A read document prepared once for all field finders: visible lines, their labels, language and date order.</summary>
public sealed class DocumentModel
{
    public DocumentModel(ReadDocument doc)
    {
        var lines = new List<TextLine>();
        foreach (var page in doc.Pages)
            foreach (var line in page.Lines)
            {
                // Hidden text is there for machines, not for the reader; values taken from it would be
                // values the reviewer cannot see on the page.
                var visible = line.Words.Where(w => !w.Hidden).ToList();
                if (visible.Count == 0) continue;
                var shown = visible.Count == line.Words.Count ? line : new DocumentLine(string.Join(' ', visible.Select(w => w.Text)), visible);
                lines.Add(new TextLine(page, lines.Count, shown));
            }
        Lines = lines;
        Hits = lines.Select(LabelMatcher.Find).ToList();
        var text = string.Join('\n', lines.Select(l => l.Text));
        Language = LanguageGuess.Detect(text);
        DayFirst = DateParser.ObservedDayFirst(text) ?? Language != "en";
    }

    public IReadOnlyList<TextLine> Lines { get; }
    /// <summary>Labels per line, same index as <see cref="Lines"/>.</summary>
    public IReadOnlyList<IReadOnlyList<LabelHit>> Hits { get; }
    public string Language { get; }
    /// <summary>How to read 03/04/2023 in this document; see <see cref="DateParser.ObservedDayFirst"/>.</summary>
    public bool DayFirst { get; }

    public IEnumerable<LabelHit> HitsOf(params LabelKind[] kinds) =>
        Hits.SelectMany(h => h).Where(h => kinds.Contains(h.Kind));
}
