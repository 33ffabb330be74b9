using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>The document's currency: labelled, else the total's own marker, else the most frequent marker.</summary>
public static partial class CurrencyFinder
{
    [GeneratedRegex(@"\b[A-Z]{3}\b")]
    private static partial Regex Code();

    public static Candidate? Find(DocumentModel model, AmountCandidate? total)
    {
        foreach (var hit in model.HitsOf(LabelKind.Currency))
            foreach (var value in ValueLocator.Candidates(model, hit))
                if (Code().Match(value.Text) is { Success: true } m && CurrencyCodes.Iso.Contains(m.Value))
                    return new Candidate(FieldNames.Currency, m.Value, value.BaseConfidence, hit.Line.Page, value.Evidence(hit), hit.Line.Index);

        if (total?.Amount.Currency is { } own)
            return new Candidate(FieldNames.Currency, own, 0.85, total.Line.Page, total.Evidence, total.Line.Index);
        if (total is not null && MarkersIn(total.Line.Text).FirstOrDefault() is { } onLine)
            return new Candidate(FieldNames.Currency, onLine, 0.8, total.Line.Page, total.Evidence, total.Line.Index);

        var counts = model.Lines.SelectMany(l => MarkersIn(l.Text).Select(c => (c, l))).GroupBy(p => p.c)
            .OrderByDescending(g => g.Count()).FirstOrDefault();
        if (counts is null) return null;
        var first = counts.First().l;
        return new Candidate(FieldNames.Currency, counts.Key, 0.6, first.Page, first.Text, first.Index);
    }

    /// <summary>Currency markers on a line: those attached to amounts, and ISO codes printed on their own.</summary>
    private static IEnumerable<string> MarkersIn(string text)
    {
        foreach (var a in AmountParser.FindAll(text))
            if (a.Currency is not null) yield return a.Currency;
        foreach (Match m in Code().Matches(text))
            if (CurrencyCodes.Iso.Contains(m.Value)) yield return m.Value;
    }
}
