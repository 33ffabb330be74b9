namespace AiGovernance.Ml.PriceVariance;

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
