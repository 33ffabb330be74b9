namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>
/// Where the customer is printed: the rest of a "Bill to"/"Rechnung an" line and the lines below it in the
/// same column, until the column ends. Names and VAT ids found there are the buyer's, not the supplier's.
/// Regions are columns, not whole lines: "Naturalsoft Limited      Bill to" keeps the supplier on the left.
/// </summary>
public sealed class RecipientBlocks
{
    // Name, contact, street, town, country, phone, e-mail, VAT id: customer blocks run to about nine lines.
    private const int MaxBlockLines = 9;
    private readonly Dictionary<int, List<(double Left, double Right)>> _regions = [];

    public static RecipientBlocks Find(DocumentModel model)
    {
        var blocks = new RecipientBlocks();
        foreach (var hit in model.HitsOf(LabelKind.Recipient, LabelKind.CustomerVatId))
        {
            var cell = hit.Line.CellAt(hit.Start);
            // A short word like "To" is a heading only when it stands alone ("To", "To:"), not "To be paid …".
            if (hit.Label.Text.Length <= 2 && cell is not null && cell.Text.TrimEnd(':', ' ').Length > hit.Label.Text.Length) continue;
            var left = hit.Left - 2;
            var right = Math.Max(cell?.Right ?? hit.Right, hit.Left + 120);
            var nextLabel = model.Hits[hit.Line.Index].Where(h => h.Start > hit.Start && h.Kind != hit.Kind).Select(h => h.Left).DefaultIfEmpty(double.MaxValue).Min();
            blocks.Add(hit.Line.Index, left, Math.Min(nextLabel - 1, Math.Max(right, hit.Line.Words[^1].X + hit.Line.Words[^1].Width)));
            if (hit.Kind == LabelKind.CustomerVatId) continue;
            var previousY = hit.Line.Y;
            var taken = 0;
            for (var i = hit.Line.Index + 1; i < model.Lines.Count && taken < MaxBlockLines; i++)
            {
                var line = model.Lines[i];
                if (line.Page != hit.Line.Page) break;
                var cells = line.Cells.Where(c => c.Overlaps(left, right, 4)).ToList();
                if (cells.Count == 0) continue;
                // A gap of more than two lines ends an address block; headings often stand further above it.
                if (previousY - line.Y > Math.Max(line.FontSize, 6) * (taken == 0 ? 5 : 3.2)) break;
                // A seller label in this column opens the supplier's block.
                if (model.Hits[i].Any(h => h.Kind is LabelKind.Seller && h.Left < right && h.Right > left)) break;
                blocks.Add(i, cells.Min(c => c.Left), cells.Max(c => c.Right));
                previousY = line.Y;
                taken++;
            }
        }
        return blocks;
    }

    public bool IsCustomer(int lineIndex, double left, double right) =>
        _regions.TryGetValue(lineIndex, out var spans) && spans.Any(s => s.Left <= right && s.Right >= left);

    public bool IsCustomer(TextLine line, int start, int end)
    {
        var (left, right) = line.Extent(start, end);
        return IsCustomer(line.Index, left, right);
    }

    private void Add(int line, double left, double right)
    {
        if (!_regions.TryGetValue(line, out var spans)) _regions[line] = spans = [];
        spans.Add((left, right));
    }
}
