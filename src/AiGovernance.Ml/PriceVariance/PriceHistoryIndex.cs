namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// Earlier lines per item, appended in date order, for scoring a file as a stream: each line is scored only
/// against lines dated before it. Holds every line once (a 541k-line file fits comfortably).
/// </summary>
public sealed class PriceHistoryIndex(int windowDays = 365, int maxLines = 256)
{
    private readonly Dictionary<string, List<PriceLine>> _byItem = new(StringComparer.OrdinalIgnoreCase);

    public int Items => _byItem.Count;

    /// <summary>Add lines in non-decreasing date order.</summary>
    public void Add(PriceLine line)
    {
        var key = line.Item.Trim();
        if (!_byItem.TryGetValue(key, out var list)) _byItem[key] = list = [];
        list.Add(line);
    }

    /// <summary>The item's lines dated before <paramref name="line"/> within the window, at most maxLines (the newest).</summary>
    public IReadOnlyList<PriceLine> Before(PriceLine line)
    {
        if (!_byItem.TryGetValue(line.Item.Trim(), out var list)) return [];
        var end = list.Count;
        while (end > 0 && list[end - 1].Date >= line.Date) end--; // same-day lines are not history
        var from = line.Date.AddDays(-windowDays);
        var start = end;
        while (start > 0 && end - start < maxLines && list[start - 1].Date >= from) start--;
        return list.GetRange(start, end - start);
    }
}

/// <summary>A line with its evidence and the baseline's verdict.</summary>
public sealed record ScoredLine(LabelledPriceLine Labelled, PriceEvidence Evidence, bool BaselineFlagged, bool Counted);

/// <summary>Scores labelled lines in date order; lines of one day are scored before any of them joins the history.</summary>
public static class PriceStream
{
    /// <param name="history">Earlier lines used only as history (e.g. train.csv when evaluating eval.csv); not counted.</param>
    /// <param name="withBaseline">Also run the robust z baseline (evaluation); detection skips it.</param>
    public static List<ScoredLine> Run(PriceVarianceModel model, IEnumerable<LabelledPriceLine> history, IEnumerable<LabelledPriceLine> scored,
        IProgress<Registry.TrainingProgress>? progress, string stage, CancellationToken ct, bool withBaseline = true)
    {
        var all = history.Select(l => (Line: l, Counted: false)).Concat(scored.Select(l => (Line: l, Counted: true)))
            .OrderBy(x => x.Line.Line.Date).ToList(); // OrderBy is stable: file order within a day
        var index = new PriceHistoryIndex(model.Parameters.LongWindowDays, model.Parameters.MaxHistory);
        var results = new List<ScoredLine>(all.Count);
        var dayStart = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (i > 0 && all[i].Line.Line.Date != all[i - 1].Line.Line.Date)
            {
                for (var j = dayStart; j < i; j++) index.Add(all[j].Line.Line);
                dayStart = i;
            }
            if (i % 5000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new Registry.TrainingProgress(stage, i, all.Count));
            }
            var (labelled, counted) = all[i];
            var earlier = index.Before(labelled.Line);
            results.Add(new ScoredLine(labelled, model.Explain(labelled.Line, earlier), withBaseline && RobustZBaseline.Flag(labelled.Line, earlier), counted));
        }
        progress?.Report(new Registry.TrainingProgress(stage, all.Count, all.Count));
        return results;
    }
}

/// <summary>
/// The baseline the detector is measured against: a per-item modified z-score (Iglewicz–Hoaglin, |z| &gt; 3.5)
/// of the raw unit price over the item's earlier lines — no unit normalization, no supplier split, no windows.
/// </summary>
public static class RobustZBaseline
{
    public const double Threshold = 3.5;

    public static bool Flag(PriceLine line, IReadOnlyList<PriceLine> history)
    {
        if (history.Count < 3) return false;
        var prices = new double[history.Count];
        for (var i = 0; i < prices.Length; i++) prices[i] = (double)history[i].UnitPrice;
        var median = RobustStats.Median(prices);
        var mad = RobustStats.Mad(prices);
        return RobustStats.RobustZ((double)line.UnitPrice, median, mad) > Threshold;
    }
}
