using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>
/// invoice | quote | certificate | other, from title words. A word counts more when it is printed large or
/// near the top of the first page (a title), and less in running text ("… refer to your invoice").
/// </summary>
public static class DocumentClassifier
{
    public const string Invoice = "invoice";
    public const string Quote = "quote";
    public const string Certificate = "certificate";
    public const string Other = "other";

    private static readonly (string Type, Regex Pattern)[] Signals =
    [
        (Certificate, Rx(@"certi.{0,2}cate of analysis|analytical (?:test )?report|certificate of conformity|analysis certificate|\bcoa\b|analysenzertifikat|prüfzertifikat|prüfbericht|analysis report|test report|lab(?:oratory)? report")),
        (Quote, Rx(@"\bquot(?:e|ation)\b|\bangebot\b|\bkostenvoranschlag\b|\boffer(?:te)?\b|\bdevis\b|\bpro ?forma\b")),
        (Invoice, Rx(@"\binvoice\b|\brechnung\b|\bfactur[ea]\b|\bfactuur\b|\breceipt\b|\bquittung\b|\bbill\b|\bgutschrift\b|\bcredit note\b")),
    ];

    public static Candidate Classify(DocumentModel model)
    {
        var scores = new Dictionary<string, double> { [Invoice] = 0, [Quote] = 0, [Certificate] = 0 };
        var evidence = new Dictionary<string, TextLine>();
        var bestWeight = new Dictionary<string, double>();
        var bodySize = model.Lines.Count == 0 ? 10 : Median(model.Lines.Select(l => l.FontSize));
        foreach (var line in model.Lines.Where(l => l.Page <= 2))
            foreach (var (type, pattern) in Signals)
            {
                if (!pattern.IsMatch(Normalized(line.Text))) continue;
                var weight = 1.0;
                if (line.Page == 1 && line.Depth < 0.3) weight += 1;
                if (line.FontSize > bodySize * 1.3) weight += 2;
                if (line.Text.Length < 40) weight += 1;
                scores[type] += weight;
                if (!bestWeight.TryGetValue(type, out var best) || best < weight)
                {
                    bestWeight[type] = weight;
                    evidence[type] = line;
                }
            }
        // Amount labels are weak invoice evidence on their own (a receipt without the word "invoice").
        if (model.HitsOf(LabelKind.Total).Any()) scores[Invoice] += 1;

        var ranked = scores.OrderByDescending(kv => kv.Value).ToList();
        var (top, score) = (ranked[0].Key, ranked[0].Value);
        if (score < 2) return new Candidate(FieldNames.DocumentType, Other, 0.5, 1, model.Lines.FirstOrDefault()?.Text ?? "", 0);
        var margin = (score - ranked[1].Value) / score;
        var confidence = Math.Clamp(0.5 + 0.45 * margin, 0.5, 0.95);
        var line0 = evidence[top];
        return new Candidate(FieldNames.DocumentType, top, confidence, line0.Page, line0.Text, line0.Index);
    }

    // Ligatures (ﬁ) decompose under NFKC; a ligature glyph without a mapping stays a wildcard in the pattern.
    private static string Normalized(string text) => text.Normalize(System.Text.NormalizationForm.FormKC);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
