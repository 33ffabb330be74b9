using System.Globalization;

namespace AiGovernance.Ml.PriceVariance;

/// <summary>Detector and baseline metrics on one slice (all lines, one source, one anomaly kind).</summary>
public sealed record SliceResult(string Slice, DetectionMetrics Detector, DetectionMetrics Baseline);

/// <summary>Evaluation of scored lines: overall, per source, per anomaly kind, and the regression's held-out error.</summary>
public sealed record PriceEvaluation(IReadOnlyList<SliceResult> Slices, double? RegressionRmse, int RegressionLines,
    IReadOnlyDictionary<string, int> LinesByBasis)
{
    public SliceResult Overall => Slices[0];

    public static PriceEvaluation Of(IReadOnlyList<ScoredLine> lines, PriceVarianceModel model)
    {
        var p = model.Parameters;
        var counted = lines.Where(l => l.Counted).ToList();
        var slices = new List<SliceResult> { Slice("all", counted, p) };
        foreach (var source in counted.Select(l => l.Labelled.Source).Distinct().Order(StringComparer.Ordinal))
            slices.Add(Slice($"source {source}", counted.Where(l => l.Labelled.Source == source).ToList(), p));
        foreach (var kind in AnomalyKinds.All)
        {
            var ofKind = counted.Where(l => l.Labelled.Anomaly == kind).ToList();
            if (ofKind.Count > 0) slices.Add(Slice($"kind {kind}", ofKind, p));
        }
        foreach (var basis in counted.Select(l => l.Evidence.Basis).Distinct().Order(StringComparer.Ordinal))
            slices.Add(Slice($"basis {basis}", counted.Where(l => l.Evidence.Basis == basis).ToList(), p));

        // The regression's error on real (clean) held-out prices, whatever basis the scorer chose for them.
        double sum = 0;
        var n = 0;
        if (model.HasRegression)
            foreach (var l in counted.Where(l => l.Labelled.Anomaly is AnomalyKinds.None && l.Labelled.Line.UnitPrice > 0))
            {
                var uom = UnitNormalizer.Parse(l.Labelled.Line.Uom);
                if (model.PredictLog(l.Labelled.Line, uom) is not { } predicted) continue;
                var error = predicted - Math.Log((double)UnitNormalizer.PerBaseUnit(l.Labelled.Line.UnitPrice, uom));
                sum += error * error;
                n++;
            }
        var byBasis = counted.GroupBy(l => l.Evidence.Basis).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new PriceEvaluation(slices, n > 0 ? Math.Sqrt(sum / n) : null, n, byBasis);
    }

    private static SliceResult Slice(string name, IReadOnlyList<ScoredLine> lines, PriceVarianceParams p) =>
        new(name, DetectionMetrics.Detector(lines, p), DetectionMetrics.Baseline(lines));

    /// <summary>Table for the CLI: precision / recall / F1 beside the robust z-score baseline. Slices without anomalies show the flag rate.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Table()
    {
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "slice", "lines", "anomalies", "precision", "recall", "F1", "flag rate", "z precision", "z recall", "z F1", "z flag rate" },
        };
        foreach (var s in Slices)
            rows.Add([s.Slice, N(s.Detector.Lines), N(s.Detector.Anomalies), P(s.Detector.Precision), P(s.Detector.Recall), P(s.Detector.F1),
                Rate(s.Detector), P(s.Baseline.Precision), P(s.Baseline.Recall), P(s.Baseline.F1), Rate(s.Baseline)]);
        return rows;
    }

    public static string P(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
    public static string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string Rate(DetectionMetrics m) => P(m.Lines == 0 ? 0 : (double)m.Flagged / m.Lines);

    public object ToJson() => new
    {
        slices = Slices.Select(s => new
        {
            slice = s.Slice,
            lines = s.Detector.Lines,
            anomalies = s.Detector.Anomalies,
            detector = Json(s.Detector),
            baseline = Json(s.Baseline),
        }),
        regressionHeldOutRmseLog = RegressionRmse,
        regressionHeldOutLines = RegressionLines,
        linesByBasis = LinesByBasis,
    };

    private static object Json(DetectionMetrics m) => new
    {
        precision = Math.Round(m.Precision, 4), recall = Math.Round(m.Recall, 4), f1 = Math.Round(m.F1, 4),
        flagged = m.Flagged, truePositives = m.TruePositives, falsePositives = m.FalsePositives,
    };
}
