namespace AiGovernance.Ml.Drift;

/// <summary>One bin of a drift comparison: its range and each population's share in it.</summary>
public sealed record DriftBin(double? Lower, double? Upper, double Reference, double Live, int LiveCount);

/// <summary>A reference distribution: inner bin edges (k edges make k+1 bins, open at both ends) and each bin's share.</summary>
public sealed record ReferenceDistribution(IReadOnlyList<double> Edges, IReadOnlyList<double> Proportions, long Count, double? Mean);

/// <summary>One variable's drift: PSI over the bins, and whether it reaches the alert threshold with enough live data.</summary>
public sealed record DriftMeasure(string Name, double? Psi, bool Alert, long ReferenceCount, long LiveCount, double? ReferenceMean, double? LiveMean,
    IReadOnlyList<DriftBin> Bins, string? Note);

/// <summary>
/// Population Stability Index: Σ (live − ref) · ln(live / ref) over bins. Bins are deciles of the
/// reference, so each holds ~10 % of it; empty bins are smoothed so one empty bin does not make PSI infinite.
/// Pure: the drift API, /metrics and the dashboard can all call it.
/// </summary>
public static class PopulationStability
{
    public const int DefaultBins = 10;
    /// <summary>Below this many live values a PSI is shown but never alerts: a handful of requisitions is noise.</summary>
    public const int MinimumLiveCount = 50;
    private const double Smoothing = 1e-4;

    public static ReferenceDistribution Reference(IReadOnlyList<double> values, int bins = DefaultBins)
    {
        if (values.Count == 0) return new([], [1.0], 0, null);
        var sorted = values.Order().ToArray();
        var edges = Enumerable.Range(1, bins - 1).Select(i => sorted[(int)Math.Floor(i * (sorted.Length - 1) / (double)bins)])
            .Distinct().ToArray(); // ties (e.g. many zero scores) merge bins rather than leave empty ones
        var counts = Count(sorted, edges);
        return new(edges, counts.Select(c => c / (double)sorted.Length).ToArray(), sorted.Length, sorted.Average());
    }

    public static DriftMeasure Compare(string name, ReferenceDistribution reference, IReadOnlyList<double> live, double alertPsi)
    {
        var counts = Count(live, reference.Edges);
        var liveShares = counts.Select(c => live.Count == 0 ? 0 : c / (double)live.Count).ToArray();
        var bins = new List<DriftBin>();
        for (var i = 0; i < counts.Length; i++)
            bins.Add(new DriftBin(i == 0 ? null : reference.Edges[i - 1], i == reference.Edges.Count ? null : reference.Edges[i],
                Math.Round(reference.Proportions[i], 4), Math.Round(liveShares[i], 4), counts[i]));
        double? liveMean = live.Count == 0 ? null : live.Average();
        if (live.Count == 0 || reference.Count == 0)
            return new(name, null, false, reference.Count, live.Count, reference.Mean, liveMean, bins,
                live.Count == 0 ? "no live values in the window" : "no reference values");
        var psi = Psi(reference.Proportions, liveShares);
        var enough = live.Count >= MinimumLiveCount;
        return new(name, Math.Round(psi, 4), enough && psi >= alertPsi, reference.Count, live.Count, reference.Mean, liveMean, bins,
            enough ? null : $"only {live.Count} live values (< {MinimumLiveCount}): shown, never alerts");
    }

    public static double Psi(IReadOnlyList<double> reference, IReadOnlyList<double> live)
    {
        if (reference.Count != live.Count) throw new ArgumentException("reference and live need the same bins", nameof(live));
        double sum = 0;
        for (var i = 0; i < reference.Count; i++)
        {
            var r = Math.Max(reference[i], Smoothing);
            var l = Math.Max(live[i], Smoothing);
            sum += (l - r) * Math.Log(l / r);
        }
        return sum;
    }

    /// <summary>Counts per bin; bin i holds values in (edge[i-1], edge[i]], the last bin everything above the last edge.</summary>
    private static int[] Count(IEnumerable<double> values, IReadOnlyList<double> edges)
    {
        var counts = new int[edges.Count + 1];
        foreach (var v in values)
        {
            var i = 0;
            while (i < edges.Count && v > edges[i]) i++;
            counts[i]++;
        }
        return counts;
    }
}
