namespace AiGovernance.Ml.PriceVariance;

/// <summary>Confusion counts of one detector on one slice of lines.</summary>
public sealed record DetectionMetrics(int Lines, int Anomalies, int TruePositives, int FalsePositives)
{
    public int Flagged => TruePositives + FalsePositives;
    public double Precision => Flagged == 0 ? 0 : (double)TruePositives / Flagged;
    public double Recall => Anomalies == 0 ? 0 : (double)TruePositives / Anomalies;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static DetectionMetrics Of(IEnumerable<(bool Truth, bool Flagged)> outcomes)
    {
        int lines = 0, anomalies = 0, tp = 0, fp = 0;
        foreach (var (truth, flagged) in outcomes)
        {
            lines++;
            if (truth) anomalies++;
            if (flagged && truth) tp++;
            if (flagged && !truth) fp++;
        }
        return new DetectionMetrics(lines, anomalies, tp, fp);
    }

    /// <summary>The detector's metrics on counted lines under the given thresholds.</summary>
    public static DetectionMetrics Detector(IEnumerable<ScoredLine> lines, PriceVarianceParams p) =>
        Of(lines.Where(l => l.Counted).Select(l => (l.Labelled.IsAnomaly, l.Evidence.Flagged(p))));

    public static DetectionMetrics Baseline(IEnumerable<ScoredLine> lines) =>
        Of(lines.Where(l => l.Counted).Select(l => (l.Labelled.IsAnomaly, l.BaselineFlagged)));
}
