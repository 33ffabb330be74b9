using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>Issue date, due date and certificate expiry, normalized to ISO yyyy-MM-dd.</summary>
public static partial class DateFieldFinder
{
    // An unlabelled date in the upper part of the first page is usually the document date (letter-style headers).
    private const double UnlabelledDepth = 0.45;
    private const double AmbiguityPenalty = 0.1;

    [GeneratedRegex(@"^\s*(?:-|–|—|to|bis|au|tot)\s", RegexOptions.IgnoreCase)]
    private static partial Regex RangeContinuation();

    public static IEnumerable<Candidate> Find(DocumentModel model)
    {
        var found = new List<Candidate>();
        Labelled(model, found, FieldNames.IssueDate, LabelKind.IssueDate, LabelKind.IssueDateWeak, LabelKind.PaymentDate);
        Labelled(model, found, FieldNames.DueDate, LabelKind.DueDate);
        Labelled(model, found, FieldNames.CertificateExpiry, LabelKind.CertificateExpiry);
        DatedInvoiceNumber(model, found);
        Unlabelled(model, found);
        return found.GroupBy(c => c.Name).Select(g => Candidate.Best(g)!);
    }

    private static void Labelled(DocumentModel model, List<Candidate> found, string field, params LabelKind[] kinds)
    {
        foreach (var hit in model.HitsOf(kinds))
            foreach (var value in ValueLocator.Candidates(model, hit))
            {
                // The date must open the value: "Date paid: …" under a "Date" label is another date.
                if (DateParser.First(value.Text, model.DayFirst) is not { Index: <= 3 } date) continue;
                var confidence = value.BaseConfidence * hit.Label.Weight - (date.Ambiguous ? AmbiguityPenalty : 0);
                found.Add(new Candidate(field, date.Iso, confidence, hit.Line.Page, value.Evidence(hit), hit.Line.Index));
                break;
            }
    }

    /// <summary>"Facture n°562044387 du 02 Juillet 2015", "Rechnung 123 vom 4.7.2023": the date beside the number.</summary>
    private static void DatedInvoiceNumber(DocumentModel model, List<Candidate> found)
    {
        foreach (var hit in model.HitsOf(LabelKind.InvoiceNumber, LabelKind.InvoiceNumberWeak))
        {
            var rest = hit.Line.Text[hit.End..];
            if (IdentifierFinder.Identifier(rest.TrimStart(' ', ':', '#', '°')) is null) continue;
            if (DateParser.First(rest, model.DayFirst) is not { } date) continue;
            found.Add(new Candidate(FieldNames.IssueDate, date.Iso, 0.7 * hit.Label.Weight, hit.Line.Page, hit.Line.Text, hit.Line.Index));
        }
    }

    private static void Unlabelled(DocumentModel model, List<Candidate> found)
    {
        foreach (var line in model.Lines)
        {
            if (line.Page != 1 || line.Depth > UnlabelledDepth) continue;
            // Lines with date labels of other kinds, or any label, belong to someone else's value.
            if (model.Hits[line.Index].Count > 0) continue;
            foreach (var date in DateParser.FindAll(line.Text, model.DayFirst))
            {
                var after = line.Text[(date.Index + date.Length)..];
                if (RangeContinuation().IsMatch(after)) break;
                var confidence = 0.45 - (date.Ambiguous ? AmbiguityPenalty : 0);
                found.Add(new Candidate(FieldNames.IssueDate, date.Iso, confidence, line.Page, line.Text, line.Index));
                return;
            }
        }
    }
}
