namespace AiGovernance.Cli.Bench;

/// <summary>Latency percentiles over every measured request (nearest-rank, no histogram bucketing).</summary>
public sealed class LatencyStats
{
    private readonly double[] _sortedMs;

    public LatencyStats(IEnumerable<double> samplesMs)
    {
        _sortedMs = samplesMs.ToArray();
        Array.Sort(_sortedMs);
    }

    public int Count => _sortedMs.Length;

    /// <summary>The nearest-rank percentile p (0..100) in milliseconds; NaN when there are no samples.</summary>
    public double Percentile(double p)
    {
        if (_sortedMs.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * _sortedMs.Length);
        return _sortedMs[Math.Clamp(rank - 1, 0, _sortedMs.Length - 1)];
    }

    public double P50 => Percentile(50);
    public double P99 => Percentile(99);
}
