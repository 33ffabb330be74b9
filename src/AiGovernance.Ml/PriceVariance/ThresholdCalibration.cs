namespace AiGovernance.Ml.PriceVariance;

/// <summary>One grid point of the threshold calibration; Worst is the lowest precision or recall over the sources.</summary>
public sealed record ThresholdCandidate(double MinDeviation, double MinDeviationDown, double MinDeviationOtherSuppliers, double ZThreshold,
    double Precision, double Recall, double F1, double Worst);

/// <summary>
/// Chooses the thresholds that maximise F1 on the labelled training lines (ties go to the better worst-case
/// precision-or-recall over sources). Selecting on the worst source instead was tried: on the held-out set it
/// was no better for the worst source and worse overall. The evidence is computed once; only the thresholds vary.
/// </summary>
public static class ThresholdCalibration
{
    public static readonly double[] MinDeviations = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
    public static readonly double[] MinDeviationsDown = [0.5, 1.0, 2.0, 3.0, 4.0];
    public static readonly double[] MinDeviationsOtherSuppliers = [0.3, 0.5, 1.0, 2.0, 4.0, 9.0];
    public static readonly double[] ZThresholds = [2, 2.5, 3, 3.5, 4, 5, 6];

    public static (PriceVarianceParams Best, IReadOnlyList<ThresholdCandidate> Grid) Calibrate(IReadOnlyList<ScoredLine> scored, PriceVarianceParams start)
    {
        var counted = scored.Where(s => s.Counted).ToList();
        var sources = counted.GroupBy(s => s.Labelled.Source).Select(g => g.ToList()).ToList();
        var grid = new List<ThresholdCandidate>();
        var best = start;
        ThresholdCandidate? bestCandidate = null;
        foreach (var minDeviation in MinDeviations)
            foreach (var down in MinDeviationsDown)
                foreach (var other in MinDeviationsOtherSuppliers)
                    foreach (var z in ZThresholds)
                    {
                        var p = start with { MinDeviation = minDeviation, MinDeviationDown = down, MinDeviationOtherSuppliers = other, ZThreshold = z };
                        var m = DetectionMetrics.Detector(counted, p);
                        var worst = sources.Min(s => DetectionMetrics.Detector(s, p) is var sm ? Math.Min(sm.Precision, sm.Recall) : 0);
                        var c = new ThresholdCandidate(minDeviation, down, other, z, Math.Round(m.Precision, 4), Math.Round(m.Recall, 4), Math.Round(m.F1, 4), Math.Round(worst, 4));
                        grid.Add(c);
                        if (bestCandidate is null || c.F1 > bestCandidate.F1 || (c.F1 == bestCandidate.F1 && c.Worst > bestCandidate.Worst))
                            (bestCandidate, best) = (c, p);
                    }
        return (best, grid);
    }
}
