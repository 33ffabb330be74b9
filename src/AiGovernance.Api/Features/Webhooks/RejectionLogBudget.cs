using System.Collections.Concurrent;

namespace AiGovernance.Api.Features.Webhooks;

/// <summary>
/// Anyone who knows a tenant id can send rejected webhooks, and each logged rejection is a permanent,
/// chain-locking decision-log entry. So each host logs at most <see cref="PerMinute"/> rejections per
/// tenant and minute to the decision log; beyond that they go to the application log only, and the next
/// logged entry carries how many were suppressed.
/// </summary>
public sealed class RejectionLogBudget(TimeProvider clock)
{
    public const int PerMinute = 20;
    private readonly ConcurrentDictionary<Guid, Window> _windows = new();

    private sealed class Window
    {
        public long Minute;
        public int Logged;
        public int Suppressed;
    }

    /// <summary>True when this rejection should be written to the decision log; <paramref name="suppressedBefore"/> counts those skipped since the last one.</summary>
    public bool TryTake(Guid tenantId, out int suppressedBefore)
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var w = _windows.GetOrAdd(tenantId, _ => new Window { Minute = minute });
        lock (w)
        {
            if (w.Minute != minute)
            {
                w.Minute = minute;
                w.Logged = 0;
            }
            if (w.Logged >= PerMinute)
            {
                w.Suppressed++;
                suppressedBefore = 0;
                return false;
            }
            w.Logged++;
            suppressedBefore = w.Suppressed;
            w.Suppressed = 0;
            return true;
        }
    }
}
