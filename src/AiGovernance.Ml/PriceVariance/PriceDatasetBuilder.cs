namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// Builds datasets/price-variance from the real data: per source, lines are ordered by date and split in time
/// (first 70 % of lines train, the rest evaluation — held out, as in production where a model only sees the
/// past), then anomalies are injected. Deterministic for a seed.
/// </summary>
public static class PriceDatasetBuilder
{
    public const double TrainShare = 0.7;

    public sealed record Split(IReadOnlyList<LabelledPriceLine> Train, IReadOnlyList<LabelledPriceLine> Eval, DateOnly EvalFrom);

    /// <summary>Orders lines by date (then id), injects anomalies and cuts at the date holding the 70th percentile line.</summary>
    public static Split Build(IEnumerable<PriceLine> lines, string source, int seed, double anomalyRate = 0.04)
    {
        var ordered = lines.OrderBy(l => l.Date).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0) return new Split([], [], DateOnly.MinValue);
        var evalFrom = ordered[(int)(ordered.Count * TrainShare)].Date;
        var labelled = new AnomalyInjector(seed, anomalyRate).Inject(ordered, source).ToList();
        return new Split(labelled.Where(l => l.Line.Date < evalFrom).ToList(), labelled.Where(l => l.Line.Date >= evalFrom).ToList(), evalFrom);
    }

    /// <summary>Both committed sources: all USAID lines and the hashed 1/20 sample of UCI stock codes.</summary>
    public static (Split Usaid, Split Uci) BuildCommitted(string dataRoot, int seed) =>
        (Build(PriceDataSources.ReadUsaid(dataRoot), PriceDataSources.Usaid, seed),
         Build(PriceDataSources.ReadUci(dataRoot, PriceDataSources.InUciSample), PriceDataSources.Uci, seed));

    /// <summary>Writes train.csv and eval.csv (both sources, date order) and returns their paths.</summary>
    public static (string Train, string Eval) Write(string outDirectory, params Split[] splits)
    {
        Directory.CreateDirectory(outDirectory);
        var train = Path.Combine(outDirectory, "train.csv");
        var eval = Path.Combine(outDirectory, "eval.csv");
        WriteOrdered(train, splits.SelectMany(s => s.Train));
        WriteOrdered(eval, splits.SelectMany(s => s.Eval));
        return (train, eval);
    }

    private static void WriteOrdered(string path, IEnumerable<LabelledPriceLine> lines)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        PriceLineCsv.WriteDataset(writer, lines.OrderBy(l => l.Line.Date).ThenBy(l => l.Source, StringComparer.Ordinal).ThenBy(l => l.Line.Id, StringComparer.Ordinal));
    }
}
