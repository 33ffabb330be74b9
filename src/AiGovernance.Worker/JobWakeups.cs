using AiGovernance.Data.Jobs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AiGovernance.Worker;

/// <summary>
/// Listens on the job channel so the loop starts a pass as soon as a job is scheduled (exceptions then
/// appear within moments of their event), not at the next poll. Polling stays the fallback: a lost
/// connection only costs latency, and it reconnects.
/// </summary>
public sealed partial class JobWakeups(NpgsqlDataSource db, ILogger<JobWakeups> logger)
{
    private readonly SemaphoreSlim signal = new(0, 1);

    /// <summary>Waits for the poll interval or a wake-up, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider clock, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(poll, clock, linked.Token);
        var woken = signal.WaitAsync(linked.Token);
        await Task.WhenAny(delay, woken);
        await linked.CancelAsync();
        try { await Task.WhenAll(delay, woken); } catch (OperationCanceledException) { }
        ct.ThrowIfCancellationRequested();
    }

    public async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var conn = await db.OpenConnectionAsync(ct);
                conn.Notification += (_, _) => Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {JobQueue.WakeChannel}", conn)) await listen.ExecuteNonQueryAsync(ct);
                while (!ct.IsCancellationRequested) await conn.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
            {
                LogListenFailed(logger, ex);
                try { await Task.Delay(TimeSpan.FromSeconds(5), ct); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private void Wake()
    {
        try { signal.Release(); } catch (SemaphoreFullException) { } // already woken; one pass serves every job scheduled since
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for job wake-ups failed; polling only until it reconnects")]
    private static partial void LogListenFailed(ILogger logger, Exception ex);
}
