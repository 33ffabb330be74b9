using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>What a certificate of analysis certifies: the labelled product or sample, else its largest title line.</summary>
public static partial class CertificateFinder
{
    [GeneratedRegex(@"certi.{0,2}cate|analysis|\bcoa\b|zertifikat|report|laborator|page\s+\d|^(?:information|details?|summary|results?)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotASubject();

    /// <summary>A name, not another label ("Matrix:"), a section header or a sample id ("2112PLO2484.0173").</summary>
    private static bool IsSubject(string text)
    {
        if (text.Count(char.IsLetter) < 3 || NotASubject().IsMatch(text)) return false;
        var colon = text.IndexOf(':');
        if (colon >= 0 && colon < 20) return false;
        return text.Contains(' ') || !text.Any(char.IsDigit);
    }

    public static Candidate? Subject(DocumentModel model)
    {
        var labelled = new List<Candidate>();
        foreach (var hit in model.HitsOf(LabelKind.CertificateSubject))
            foreach (var value in ValueLocator.Candidates(model, hit, 2))
            {
                var text = value.Text.Trim();
                if (!IsSubject(text)) continue;
                labelled.Add(new Candidate(FieldNames.CertificateSubject, text, value.BaseConfidence * hit.Label.Weight, hit.Line.Page,
                    value.Evidence(hit), hit.Line.Index));
                break;
            }
        if (Candidate.Best(labelled) is { } best) return best;

        // Certificates print the product as their most prominent line; the lab's name and the title are excluded.
        var title = model.Lines.Where(l => l.Page == 1 && l.Text.Count(char.IsLetter) >= 3 && !NotASubject().IsMatch(l.Text)
                                           && model.Hits[l.Index].Count == 0)
            .OrderByDescending(l => l.FontSize).ThenBy(l => l.Index).FirstOrDefault();
        return title is null ? null
            : new Candidate(FieldNames.CertificateSubject, title.Cells[0].Text, 0.4, title.Page, title.Text, title.Index);
    }
}
