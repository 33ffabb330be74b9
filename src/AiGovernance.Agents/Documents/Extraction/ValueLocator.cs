using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>Where a labelled value was found; the placement sets the base confidence.</summary>
public enum Placement { SameLine, Below, Unlabelled }

/// <summary>A stretch of text that may hold a label's value.</summary>
public sealed record ValueText(string Text, Placement Placement, TextLine Line, double Left = 0, double Right = 0)
{
    /// <summary>Labelled on the same line is the strongest evidence; a value below in the same column is
    /// slightly weaker (a table could be misaligned); a value found without a label is a guess from position.</summary>
    public double BaseConfidence => Placement switch { Placement.SameLine => 0.9, Placement.Below => 0.78, _ => 0.45 };

    public string Evidence(LabelHit hit) =>
        Line == hit.Line ? hit.Line.Text : $"{hit.Line.Text} / {Line.Text}";
}

/// <summary>Finds the text a label refers to: right of it on the same line, else below it in the same column.</summary>
public static partial class ValueLocator
{
    [GeneratedRegex(@"^[\s:#°.\-–—=]+")]
    private static partial Regex LeadingPunctuation();

    /// <summary>Same-line candidates first (rest of the label's cell, then the next cell), then the cells below.</summary>
    public static IEnumerable<ValueText> Candidates(DocumentModel model, LabelHit hit, int linesBelow = 3)
    {
        var line = hit.Line;
        var hits = model.Hits[line.Index];
        var nextLabel = hits.Where(h => h.Start >= hit.End).Select(h => h.Start).DefaultIfEmpty(line.Text.Length).Min();
        var cell = line.CellAt(hit.Start);
        var cellEnd = Math.Min(cell?.End ?? line.Text.Length, nextLabel);
        var rest = Clean(line.Text[Math.Min(hit.End, cellEnd)..cellEnd]);
        if (rest.Length > 0)
        {
            var (left, right) = line.Extent(Math.Min(hit.End, cellEnd), cellEnd);
            yield return new ValueText(rest, Placement.SameLine, line, left, right);
        }
        else
        {
            var next = line.Cells.FirstOrDefault(c => c.Start >= hit.End);
            if (next is not null && next.Start < nextLabel) yield return new ValueText(Clean(next.Text), Placement.SameLine, line, next.Left, next.Right);
        }
        foreach (var below in Below(model, hit, linesBelow)) yield return below;
    }

    /// <summary>All text right of the label up to the next label on the line (for amounts spread over table columns).</summary>
    public static ValueText? RestOfLine(DocumentModel model, LabelHit hit)
    {
        var line = hit.Line;
        var nextLabel = model.Hits[line.Index].Where(h => h.Start >= hit.End).Select(h => h.Start).DefaultIfEmpty(line.Text.Length).Min();
        var rest = Clean(line.Text[hit.End..nextLabel]);
        return rest.Length == 0 ? null : new ValueText(rest, Placement.SameLine, line);
    }

    /// <summary>Cells under the label, overlapping its horizontal extent, on the next few lines of the same page.</summary>
    public static IEnumerable<ValueText> Below(DocumentModel model, LabelHit hit, int maxLines)
    {
        var origin = hit.Line;
        var maxDrop = Math.Max(origin.FontSize, 6) * 2.6 * maxLines;
        var seen = 0;
        for (var i = origin.Index + 1; i < model.Lines.Count && seen < maxLines; i++)
        {
            var line = model.Lines[i];
            if (line.Page != origin.Page || origin.Y - line.Y > maxDrop) yield break;
            if (line.Y >= origin.Y) continue;
            var cell = line.Cells.FirstOrDefault(c => c.Overlaps(hit.Left, Math.Max(hit.Right, hit.Left + 30)));
            if (cell is null) continue;
            seen++;
            // Another label in the column means the value area of ours has ended.
            if (model.Hits[i].Any(h => h.Start == cell.Start)) yield break;
            yield return new ValueText(Clean(cell.Text), Placement.Below, line, cell.Left, cell.Right);
        }
    }

    private static string Clean(string s) => LeadingPunctuation().Replace(s, "").Trim();
}
