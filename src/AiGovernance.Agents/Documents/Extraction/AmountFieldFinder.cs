namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>An amount printed after a net, tax or total label.</summary>
public sealed record AmountCandidate(LabelKind Kind, ParsedAmount Amount, double Confidence, TextLine Line, string Evidence);

/// <summary>
/// Net, tax and total. Every labelled amount is a candidate; a total that equals a net plus a tax found in
/// the same document is chosen (and all three gain confidence), otherwise the largest of the best-labelled
/// totals, because "amount due" lines on paid invoices print 0.00 and per-line totals are smaller.
/// </summary>
public static partial class AmountFieldFinder
{
    private const double Consistent = 0.08;
    private const decimal Tolerance = 0.011m;
    // Candidates within this much of the best total's confidence compete on size.
    private const double TotalTier = 0.15;
    private const decimal MaxTaxShare = 0.25m;

    public static IReadOnlyList<AmountCandidate> Candidates(DocumentModel model)
    {
        var found = new List<AmountCandidate>();
        foreach (var hit in model.HitsOf(LabelKind.Total, LabelKind.Net, LabelKind.Tax))
        {
            var sameLine = ValueLocator.RestOfLine(model, hit);
            var amounts = sameLine is null ? [] : MoneyIn(sameLine.Line, hit.End);
            // "VAT @ 0% on 80.65", "19% MwSt. aus 100,00 €": the amount after "on"/"aus" is the base, not the tax.
            if (hit.Kind == LabelKind.Tax)
                amounts = amounts.Where(a => !TaxBase().IsMatch(hit.Line.Text[..a.Index])).ToList();
            if (amounts.Count > 0)
            {
                // Tax lines print the base before the tax ("Tax 15% on $112.90 $16.94"): the last amount is the tax.
                var ordered = hit.Kind == LabelKind.Tax ? amounts.AsEnumerable().Reverse().ToList() : amounts;
                for (var i = 0; i < ordered.Count; i++)
                    found.Add(new AmountCandidate(hit.Kind, ordered[i], 0.9 * hit.Label.Weight - 0.05 * i, hit.Line, hit.Line.Text));
                continue;
            }
            foreach (var below in ValueLocator.Below(model, hit, 2))
            {
                if (AmountParser.FirstMoney(below.Text) is not { } money) continue;
                found.Add(new AmountCandidate(hit.Kind, money, below.BaseConfidence * hit.Label.Weight, below.Line, below.Evidence(hit)));
                break;
            }
        }
        return found;
    }

    /// <summary>Money amounts right of an offset, parsed cell by cell so table columns do not merge into one number.</summary>
    private static List<ParsedAmount> MoneyIn(TextLine line, int from)
    {
        var amounts = new List<ParsedAmount>();
        foreach (var cell in line.Cells)
        {
            if (cell.End <= from) continue;
            var start = Math.Max(cell.Start, from);
            var text = line.Text[start..cell.End];
            amounts.AddRange(AmountParser.FindAll(text).Where(a => a.IsMoney).Select(a => a with { Index = a.Index + start }));
        }
        return amounts;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:on|of|aus|auf|von|sur|over|über)\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TaxBase();

    public static (AmountCandidate? Total, AmountCandidate? Net, AmountCandidate? Tax, bool Consistent) Choose(IReadOnlyList<AmountCandidate> all)
    {
        var totals = all.Where(c => c.Kind == LabelKind.Total && c.Amount.Value > 0).ToList();
        var nets = all.Where(c => c.Kind == LabelKind.Net).ToList();
        var taxes = all.Where(c => c.Kind == LabelKind.Tax).ToList();

        var triple = (from t in totals from n in nets from x in taxes
                      where Math.Abs(n.Amount.Value + x.Amount.Value - t.Amount.Value) <= Tolerance && n.Amount.Value > 0
                      orderby t.Confidence + n.Confidence + x.Confidence descending, t.Amount.Value descending
                      select (t, n, x)).FirstOrDefault();
        if (triple.t is not null)
            return (Boost(triple.t), Boost(triple.n), Boost(triple.x), true);

        var best = totals.Count == 0 ? 0 : totals.Max(t => t.Confidence);
        var total = totals.Where(t => t.Confidence >= best - TotalTier)
            .OrderByDescending(t => t.Amount.Value).ThenByDescending(t => t.Confidence).FirstOrDefault();
        var net = nets.OrderByDescending(n => n.Confidence).FirstOrDefault();
        // No VAT rate is above 27 %: a "tax" over a quarter of the total is a base or a total under a tax heading.
        var tax = taxes.Where(x => total is null || x.Amount.Value <= total.Amount.Value * MaxTaxShare)
            .OrderByDescending(n => n.Confidence).FirstOrDefault();
        // A net above the total means one of them is not what its label says.
        if (total is not null && net is not null && net.Amount.Value > total.Amount.Value)
            net = net with { Confidence = net.Confidence - 0.2 };
        return (total, net, tax, false);
    }

    private static AmountCandidate Boost(AmountCandidate c) => c with { Confidence = Math.Min(0.99, c.Confidence + Consistent) };
}
