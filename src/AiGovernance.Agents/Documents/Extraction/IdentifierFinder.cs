using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>Invoice, quote and purchase-order numbers: the identifier printed next to (or under) their label.</summary>
public static partial class IdentifierFinder
{
    [GeneratedRegex(@"^#?\s*(?<id>[\p{L}\p{N}][\p{L}\p{N}/_\-.]*[\p{L}\p{N}]|\p{N})")]
    private static partial Regex Token();

    public static IEnumerable<Candidate> Find(DocumentModel model)
    {
        var found = new List<Candidate>();
        Collect(model, found, FieldNames.InvoiceNumber, LabelKind.InvoiceNumber, LabelKind.InvoiceNumberWeak);
        Collect(model, found, FieldNames.QuoteNumber, LabelKind.QuoteNumber);
        Collect(model, found, FieldNames.PoReference, LabelKind.PoReference);
        return found.GroupBy(c => c.Name).Select(g => Candidate.Best(g)!);
    }

    private static void Collect(DocumentModel model, List<Candidate> found, string field, params LabelKind[] kinds)
    {
        foreach (var hit in model.HitsOf(kinds))
            foreach (var value in ValueLocator.Candidates(model, hit))
            {
                if (Identifier(value.Text, field) is not { } id) continue;
                found.Add(new Candidate(field, id, value.BaseConfidence * hit.Label.Weight, hit.Line.Page, value.Evidence(hit), hit.Line.Index));
                break;
            }
    }

    /// <summary>The identifier at the start of the text: one token with a digit, not a date and not an amount.</summary>
    public static string? Identifier(string text, string field = FieldNames.InvoiceNumber)
    {
        var m = Token().Match(text);
        if (!m.Success) return null;
        var id = m.Groups["id"].Value;
        var minLength = field == FieldNames.PoReference ? 2 : 3;
        if (id.Length < minLength || id.Length > 40 || !id.Any(char.IsDigit)) return null;
        if (DateParser.First(id) is { } d && d.Length >= id.Length - 1) return null;
        if (AmountParser.FirstMoney(text) is { Index: 0 } money && money.Length >= id.Length) return null;
        return id;
    }
}
