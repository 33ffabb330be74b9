using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>
/// The supplier's VAT id (EU VAT numbers, Indian GSTIN, …). The customer's own id is printed too, so ids
/// labelled "your VAT" or standing in the bill-to block are left out; a labelled id beats a bare one.
/// </summary>
public static partial class VatIdFinder
{
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:ATU\s?\d{8}|BE\s?[01]\d{3}\.?\s?\d{3}\.?\s?\d{3}|DE\s?\d{3}\s?\d{3}\s?\d{3}|FR\s?[0-9A-HJ-NP-Z]{2}\s?\d{3}\s?\d{3}\s?\d{3}|NL\s?\d{9}\s?B\s?\d{2}|IE\s?\d(?:\s?[0-9A-Z+*]){6}\s?[A-W]{1,2}|PL\s?\d{10}|ES\s?[A-Z0-9]\d{7}[A-Z0-9]|IT\s?\d{11}|CHE[-\s]?\d{3}\.\d{3}\.\d{3}|GB\s?\d{3}\s?\d{4}\s?\d{2}|EU\d{9}|\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z])(?![\p{L}\p{N}])")]
    private static partial Regex VatPattern();

    public static Candidate? Find(DocumentModel model, RecipientBlocks customer)
    {
        var found = new List<Candidate>();
        var customersIds = new HashSet<string>();
        foreach (var line in model.Lines)
        {
            var hits = model.Hits[line.Index];
            foreach (Match m in VatPattern().Matches(line.Text))
            {
                var label = hits.LastOrDefault(h => h.End <= m.Index);
                var value = Regex.Replace(m.Value, @"[\s.\-]", "");
                if (label?.Kind == LabelKind.CustomerVatId || customer.IsCustomer(line, m.Index, m.Index + m.Length))
                {
                    customersIds.Add(value);
                    continue;
                }
                var confidence = label?.Kind == LabelKind.VatId ? 0.85 : 0.55;
                found.Add(new Candidate(FieldNames.VatId, value, confidence, line.Page, line.Text, line.Index));
            }
        }
        // Some layouts repeat the customer's id in the header ("VAT Number DE…" above "Bill to … DE VAT DE…"):
        // an id seen once as the customer's is the customer's everywhere.
        return Candidate.Best(found.Where(c => !customersIds.Contains(c.Value)));
    }
}
