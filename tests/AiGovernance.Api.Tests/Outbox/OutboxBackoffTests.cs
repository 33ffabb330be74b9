using AiGovernance.Worker.Outbox;

namespace AiGovernance.Api.Tests.Outbox;

/// <summary>The backoff arithmetic alone (no host).</summary>
public sealed class OutboxBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    [Fact]
    public void The_ceiling_doubles_per_attempt_up_to_the_cap()
    {
        var ceilings = Enumerable.Range(1, 12).Select(n => OutboxBackoff.Ceiling(n, Base, Cap).TotalSeconds).ToList();
        Assert.Equal([10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600, 3600], ceilings);
        Assert.Equal(Cap, OutboxBackoff.Ceiling(10_000, Base, Cap));
    }

    [Fact]
    public void Full_jitter_spreads_delays_over_the_whole_range_below_the_ceiling()
    {
        var jitter = new OutboxJitter();
        var delays = Enumerable.Range(0, 2000).Select(_ => OutboxBackoff.Delay(5, Base, Cap, jitter.NextUnit())).ToList();
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(160)));
        Assert.Contains(delays, d => d < TimeSpan.FromSeconds(40));
        Assert.Contains(delays, d => d > TimeSpan.FromSeconds(120));
        Assert.True(delays.Distinct().Count() > 1000, "delays should not repeat in lockstep");
    }
}
