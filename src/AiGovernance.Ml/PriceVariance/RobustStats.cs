namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// Median / MAD statistics that one wrong price cannot move (a mean and standard deviation can be dragged
/// arbitrarily far by a single decimal shift in the history).
/// </summary>
public static class RobustStats
{
    /// <summary>Scales the MAD to a standard deviation for normally distributed data.</summary>
    public const double MadToSigma = 1.4826;

    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) throw new ArgumentException("median of no values", nameof(values));
        var copy = values.ToArray();
        Array.Sort(copy);
        return MedianOfSorted(copy);
    }

    public static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty) throw new ArgumentException("median of no values", nameof(sorted));
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Median absolute deviation from the median (unscaled).</summary>
    public static double Mad(ReadOnlySpan<double> values)
    {
        var median = Median(values);
        var deviations = new double[values.Length];
        for (var i = 0; i < values.Length; i++) deviations[i] = Math.Abs(values[i] - median);
        return Median(deviations);
    }

    /// <summary>Modified z-score (Iglewicz–Hoaglin): |x − median| / (1.4826 · MAD); infinite when MAD is 0 and x differs.</summary>
    public static double RobustZ(double x, double median, double mad)
    {
        var deviation = Math.Abs(x - median);
        if (mad > 0) return deviation / (MadToSigma * mad);
        return deviation > 1e-12 ? double.PositiveInfinity : 0;
    }

    /// <summary>
    /// The value in <paramref name="sorted"/> nearest to <paramref name="x"/> among those shared by at least
    /// <paramref name="minSupport"/> values within ±<paramref name="tolerance"/> of it, or null when none is.
    /// A catalogue price list has a few price points (quantity tiers, customer lists); a price on one of
    /// them is normal even when it is far from the median.
    /// </summary>
    public static double? NearestSupportedLevel(ReadOnlySpan<double> sorted, double x, double tolerance, int minSupport)
    {
        double? best = null;
        var lo = 0;
        var hi = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            while (sorted[i] - sorted[lo] > tolerance) lo++;
            if (hi < i) hi = i;
            while (hi + 1 < sorted.Length && sorted[hi + 1] - sorted[i] <= tolerance) hi++;
            if (hi - lo + 1 < minSupport) continue;
            if (best is null || Math.Abs(sorted[i] - x) < Math.Abs(best.Value - x)) best = sorted[i];
        }
        return best;
    }
}
