namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// Injects labelled price anomalies into real lines. Every choice is a hash of (seed, line id) or (seed, item,
/// supplier), so the same line gets the same fate whatever sample or order it arrives in.
/// <list type="bullet">
/// <item>drift (label 0): 8 % of item×supplier pairs get a gradual, stepwise increase of 1.5–4 % every 30 days (a price list update) from a start
/// date between 20 % and 80 % of the pair's date range, capped at +60 %. A legitimate change the detector must absorb.</item>
/// <item>anomalies (label 1) on <see cref="Rate"/> of lines: decimal shift (25 %: ×10, ×100, ÷10, ÷100);
/// pack-size confusion (30 %: pack price on a per-each line, unit price on a per-pack line, or — when the pack
/// size is unknown — the line total as the unit price when quantity ≥ 3); markup (45 %: ×1.35–1.85, an overcharge; UCI has a real second price list at ≈2×, so larger "markups" would be indistinguishable from legitimate prices).</item>
/// </list>
/// </summary>
public sealed class AnomalyInjector(int seed, double rate = 0.04)
{
    public double Rate { get; } = rate;

    public IEnumerable<LabelledPriceLine> Inject(IEnumerable<PriceLine> lines, string source)
    {
        var all = lines.ToList();
        var drifts = PlanDrifts(all);
        foreach (var line in all)
        {
            var price = line.UnitPrice;
            var kind = AnomalyKinds.None;
            if (drifts.TryGetValue(Pair(line), out var drift) && line.Date > drift.Start)
            {
                // Price lists move in steps: the increase lands every 30 days, and prices repeat in between.
                var factor = Math.Min(Math.Pow(1 + drift.MonthlyRate, 1 + (line.Date.DayNumber - drift.Start.DayNumber) / 30), 1.6);
                price = Round(price * (decimal)factor);
                kind = AnomalyKinds.Drift;
            }
            if (U(line.Id, 1) < Rate)
            {
                var (anomalous, anomaly) = Corrupt(line, price, source);
                yield return new LabelledPriceLine(line with { UnitPrice = anomalous }, true, anomaly, source);
                continue;
            }
            yield return new LabelledPriceLine(price == line.UnitPrice ? line : line with { UnitPrice = price }, false, kind, source);
        }
    }

    private (decimal Price, string Kind) Corrupt(PriceLine line, decimal price, string source)
    {
        var u = U(line.Id, 2);
        var v = U(line.Id, 3);
        if (u < 0.25)
        {
            decimal factor = v switch { < 0.45 => 10m, < 0.60 => 100m, < 0.90 => 0.1m, _ => 0.01m };
            return (Round(price * factor), AnomalyKinds.DecimalShift);
        }
        if (u < 0.55)
        {
            var uom = UnitNormalizer.Parse(line.Uom);
            if (uom.IsPack) return (Round(price / uom.Factor), AnomalyKinds.UnitAsPack);
            if (source == PriceDataSources.Usaid && PackOfItem(line) is > 1 and var n) return (Round(price * n), AnomalyKinds.PackAsUnit);
            if (source != PriceDataSources.Usaid && UnitNormalizer.PackSizeInDescription(line.Description) is > 1 and var m)
                return (Round(price / m), AnomalyKinds.UnitAsPack);
            if (line.Quantity >= 3) return (Round(price * line.Quantity), AnomalyKinds.TotalAsUnit);
        }
        var markup = 1.35 + 0.5 * v;
        return (Round(price * (decimal)markup, twoDecimals: true), AnomalyKinds.Markup);
    }

    /// <summary>USAID descriptions end with the pack ("…, 30 Tests", "…, 60 Tabs"); per-each lines carry it in quantity only.</summary>
    private static int? PackOfItem(PriceLine line)
    {
        var parts = line.Description?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var words = parts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 1 && int.TryParse(words[0], out var n) && n > 1) return n;
        }
        return null;
    }

    private sealed record Drift(DateOnly Start, double MonthlyRate);

    private Dictionary<string, Drift> PlanDrifts(List<PriceLine> lines)
    {
        var plans = new Dictionary<string, Drift>(StringComparer.Ordinal);
        foreach (var group in lines.GroupBy(Pair))
        {
            if (U(group.Key, 4) >= 0.08) continue;
            var first = group.Min(l => l.Date).DayNumber;
            var last = group.Max(l => l.Date).DayNumber;
            if (last - first < 60) continue;
            var start = DateOnly.FromDayNumber(first + (int)((0.2 + 0.6 * U(group.Key, 5)) * (last - first)));
            plans[group.Key] = new Drift(start, 0.015 + 0.025 * U(group.Key, 6));
        }
        return plans;
    }

    private static string Pair(PriceLine l) => $"{l.Item}\u001f{l.Supplier}";

    private double U(string key, int salt) => PriceDataSources.Unit(key, seed * 31 + salt);

    private static decimal Round(decimal price, bool twoDecimals = false) =>
        decimal.Round(price, twoDecimals && price >= 1 ? 2 : 4, MidpointRounding.AwayFromZero) is var r && r > 0 ? r : 0.0001m;
}
