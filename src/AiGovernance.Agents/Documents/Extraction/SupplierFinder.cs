using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>
/// The issuer's name, chosen by evidence rather than by vendor: a "Seller"/"Sold by"/"Service provider"
/// block is strongest; otherwise names ending in a company suffix are scored by where they stand (top of
/// the first page, the sender line over the address window, the legal footer), how often they recur, and
/// whether they sit in the customer's block (then they are the buyer).
/// </summary>
public static partial class SupplierFinder
{
    [GeneratedRegex(@"(?<![\p{L}])(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|UG|SE|Ltd\.?|Limited|Inc\.?|LLC|L\.L\.C\.|LLP|Corp\.?|Corporation|B\.\s?V\.?|BV|N\.V\.|S\.A\.S\.?|SAS|S\.A\.|SA|SARL|Sarl|S\.r\.l\.|S\.p\.A\.|Pty\.?\s+Ltd\.?|Pvt\.?\s+Ltd\.?|Private\s+Limited|plc|PLC|Oy|AB|A/S|ApS|spółka\s+akcyjna|sp\.\s?z\s?o\.o\.)(?![\p{L}])")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"[•|:;·–]|\s-\s|\bby\b|\bthrough\b|\bof\b|\bto\b|\bvon\b|\bdurch\b|\bpar\b", RegexOptions.IgnoreCase)]
    private static partial Regex NameBoundary();

    public static Candidate? Find(DocumentModel model, RecipientBlocks customer, Candidate? vatId)
    {
        var labelled = FromSellerLabels(model, customer);
        if (labelled is not null) return labelled;

        var named = new List<(string Name, TextLine Line, bool Customer)>();
        foreach (var line in model.Lines)
            foreach (var cell in line.Cells)
                foreach (Match m in Suffix().Matches(cell.Text))
                    if (NameBefore(cell.Text, m) is { } name) named.Add((name, line, customer.IsCustomer(line.Index, cell.Left, cell.Right)));

        var customerNames = named.Where(n => n.Customer).Select(n => Key(n.Name)).ToHashSet();
        var scored = named.Where(n => !n.Customer)
            .GroupBy(n => Key(n.Name))
            .Select(g =>
            {
                var first = g.First();
                var score = 0.5 + Math.Min(0.15, 0.05 * (g.Count() - 1));
                if (g.Any(n => n.Line.Page == 1 && n.Line.Depth < 0.25)) score += 0.1;
                if (g.Any(n => n.Line.Depth > 0.8)) score += 0.08;
                if (g.Any(n => NameBoundary().IsMatch(n.Line.Text) && n.Line.Text.Any(char.IsDigit))) score += 0.05;
                if (vatId is not null && g.Any(n => Math.Abs(n.Line.Index - vatId.LineIndex) <= 2)) score += 0.1;
                if (customerNames.Contains(g.Key)) score -= 0.3;
                return new Candidate(FieldNames.SupplierName, first.Name, Math.Min(score, 0.85), first.Line.Page, first.Line.Text, first.Line.Index);
            });
        return Candidate.Best(scored) ?? SenderBlock(model, customer);
    }

    private static Candidate? FromSellerLabels(DocumentModel model, RecipientBlocks customer)
    {
        foreach (var hit in model.HitsOf(LabelKind.Seller))
            foreach (var value in ValueLocator.Candidates(model, hit, 3))
            {
                if (value.Line != hit.Line && customer.IsCustomer(value.Line.Index, value.Left, value.Right)) continue;
                var text = value.Text.Trim().TrimEnd(',', '.', ':').Trim();
                if (text.Length < 2 || text.StartsWith('(') || text.Count(char.IsLetter) < text.Length / 2) continue;
                var name = Suffix().Match(text) is { Success: true } m ? NameBefore(text, m) ?? text : text;
                return new Candidate(FieldNames.SupplierName, name, value.BaseConfidence * 0.95, hit.Line.Page, value.Evidence(hit), hit.Line.Index);
            }
        return null;
    }

    /// <summary>The words before a company suffix, back to a separator or at most five words.</summary>
    private static string? NameBefore(string text, Match suffix)
    {
        var before = text[..suffix.Index];
        var boundary = NameBoundary().Matches(before).LastOrDefault();
        if (boundary is not null) before = before[(boundary.Index + boundary.Length)..];
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        var name = string.Join(' ', words.TakeLast(5)) + " " + suffix.Value;
        name = name.Replace(" ,", ",").Trim().TrimStart(',', '.', '-', ' ');
        return name.Count(char.IsLetter) >= 4 ? name : null;
    }

    /// <summary>
    /// Without any company name: a sender block at the top of the first page, i.e. a line of words followed
    /// by address or contact lines (house numbers, postcodes, an e-mail) in the same column, outside the
    /// customer's block.
    /// </summary>
    private static Candidate? SenderBlock(DocumentModel model, RecipientBlocks customer)
    {
        var top = model.Lines.Where(l => l.Page == 1 && l.Depth < 0.4).ToList();
        for (var i = 0; i < top.Count; i++)
        {
            var line = top[i];
            var cell = line.Cells[0];
            if (customer.IsCustomer(line.Index, cell.Left, cell.Right) || model.Hits[line.Index].Count > 0) continue;
            if (cell.Text.Count(char.IsLetter) < 3 || cell.Text.Any(char.IsDigit) || Title().IsMatch(cell.Text)) continue;
            var below = top.Skip(i + 1).Take(3)
                .Where(l => l.Cells.Any(c => Math.Abs(c.Left - cell.Left) < 6 && line.Y - l.Y < line.FontSize * 4.5))
                .Select(l => l.Cells.First(c => Math.Abs(c.Left - cell.Left) < 6)).ToList();
            if (below.Any(c => c.Text.Any(char.IsDigit) || c.Text.Contains('@')))
                return new Candidate(FieldNames.SupplierName, cell.Text, 0.35, line.Page, line.Text, line.Index);
        }
        return null;
    }

    [GeneratedRegex(@"invoice|rechnung|factu|receipt|quote|angebot|kopie|copy|original|page|seite|certificate|report", RegexOptions.IgnoreCase)]
    private static partial Regex Title();

    private static string Key(string name) => Regex.Replace(name.ToLowerInvariant(), @"[^\p{L}\p{N}]", "");
}
