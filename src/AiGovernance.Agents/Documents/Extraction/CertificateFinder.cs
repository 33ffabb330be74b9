using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>What a certificate of analysis certifies: the labelled product or sample, else its largest title line.</summary>
public static partial class CertificateFinder
{
    [GeneratedRegex(@"certificate|analysis|\bcoa\b|zertifikat|report|laborator|page\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex NotASubject();

    public static Candidate? Subject(DocumentModel model)
    {
        foreach (var hit in model.HitsOf(LabelKind.CertificateSubject))
            foreach (var value in ValueLocator.Candidates(model, hit, 2))
            {
                var text = value.Text.Trim();
                if (text.Count(char.IsLetter) < 3 || NotASubject().IsMatch(text)) continue;
                return new Candidate(FieldNames.CertificateSubject, text, value.BaseConfidence * hit.Label.Weight, hit.Line.Page,
                    value.Evidence(hit), hit.Line.Index);
            }

        // Certificates print the product as their most prominent line; the lab's name and the title are excluded.
        var title = model.Lines.Where(l => l.Page == 1 && l.Text.Count(char.IsLetter) >= 3 && !NotASubject().IsMatch(l.Text)
                                           && model.Hits[l.Index].Count == 0)
            .OrderByDescending(l => l.FontSize).ThenBy(l => l.Index).FirstOrDefault();
        return title is null ? null
            : new Candidate(FieldNames.CertificateSubject, title.Cells[0].Text, 0.4, title.Page, title.Text, title.Index);
    }
}
