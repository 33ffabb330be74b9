namespace AiGovernance.Worker.Outbox;

/// <summary>
/// Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"):
/// the delay is uniform in [0, min(cap, base·2^(attempt-1))], so many messages failing together
/// against one ERP spread out instead of retrying in lockstep.
/// </summary>
public static class OutboxBackoff
{
    /// <summary>The ceiling for the retry after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan Ceiling(int attempt, TimeSpan baseDelay, TimeSpan cap)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 40);
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary><paramref name="unit"/> is a sample in [0, 1] (the jitter).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan cap, double unit) =>
        TimeSpan.FromTicks((long)(Ceiling(attempt, baseDelay, cap).Ticks * Math.Clamp(unit, 0, 1)));
}

/// <summary>The jitter source; a service so tests can make retry times predictable.</summary>
public class OutboxJitter
{
    public virtual double NextUnit() => Random.Shared.NextDouble();
}
