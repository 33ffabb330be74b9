using System.Diagnostics.Metrics;

namespace AiGovernance.Worker;

/// <summary>
/// What the worker reports about itself for /metrics: when its loop last finished a pass without an error, and
/// how long detector scoring takes. Instruments live on the "AiGovernance.Worker" meter, so any metrics exporter
/// (the Api host's Prometheus endpoint) picks them up; the worker itself depends on no exporter.
/// </summary>
public sealed class WorkerPulse
{
    public const string MeterName = "AiGovernance.Worker";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> ScoringDuration = Meter.CreateHistogram<double>("aigov.scoring.duration", "ms",
        "Time to score one requisition: embedding plus every detector that ran.");

    private long lastPassTicks;

    /// <summary>The end of the last pass of the job loop that threw nothing; null before the first.</summary>
    public DateTimeOffset? LastSuccessfulPass
    {
        get
        {
            var ticks = Interlocked.Read(ref lastPassTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void PassSucceeded(DateTimeOffset at) => Interlocked.Exchange(ref lastPassTicks, at.UtcTicks);

    public static void RecordScoring(double milliseconds) => ScoringDuration.Record(milliseconds);
}
