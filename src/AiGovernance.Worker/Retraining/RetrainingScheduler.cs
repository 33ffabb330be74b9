using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Worker.Retraining;

/// <summary>
/// Waits for the cron schedule, then runs <see cref="RetrainingRun"/>. With several worker hosts, a
/// session advisory lock lets one of them train; the others skip that occurrence.
/// </summary>
public sealed partial class RetrainingScheduler(RetrainingRun run, NpgsqlDataSource db, IOptions<RetrainingOptions> options, TimeProvider clock,
    ILogger<RetrainingScheduler> logger) : BackgroundService
{
    private const long LockKey = 0x5245545241494E; // "RETRAIN"
    // Task.Delay takes at most ~49 days; wake up daily and recompute instead.
    private static readonly TimeSpan LongestSleep = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var due = RetrainingSchedule.Next(options.Value.Schedule, clock.GetUtcNow());
        LogScheduled(logger, options.Value.Schedule, due);
        while (due is { } at && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wait = at - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait < LongestSleep ? wait : LongestSleep, clock, stoppingToken);
                    continue;
                }
                await RunOnceLockedAsync(stoppingToken);
            }
            catch (OperationCanceledException) { return; }
            catch (Exception ex) { LogRunFailed(logger, ex); }
            due = RetrainingSchedule.Next(options.Value.Schedule, clock.GetUtcNow());
        }
    }

    private async Task RunOnceLockedAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", conn))
            if (!(bool)(await take.ExecuteScalarAsync(ct))!) { LogSkipped(logger); return; }
        try
        {
            foreach (var o in await run.RunAsync(ct)) LogOutcome(logger, o.Kind, o.Version, o.Result);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", conn);
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled retraining on \"{Schedule}\" (UTC); next run {Due}")]
    private static partial void LogScheduled(ILogger logger, string schedule, DateTimeOffset? due);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled retraining skipped: another host is running it")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled retraining of {Kind}: challenger {Version}, {Result}")]
    private static partial void LogOutcome(ILogger logger, string kind, string? version, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled retraining run failed")]
    private static partial void LogRunFailed(ILogger logger, Exception ex);
}
