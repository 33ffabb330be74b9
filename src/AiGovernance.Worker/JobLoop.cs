using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiGovernance.Worker;

/// <summary>
/// The hosted loop: a pass of the job runner every poll interval, when a job is scheduled (see <see cref="JobWakeups"/>),
/// and immediately again while work remains.
/// </summary>
public sealed partial class JobLoop(JobRunner runner, JobWakeups wakeups, WorkerPulse pulse, IOptions<WorkerOptions> options, TimeProvider clock,
    ILogger<JobLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        LogStarted(logger, options.Value.PollInterval);
        var listening = options.Value.WakeOnSchedule ? wakeups.ListenAsync(stoppingToken) : Task.CompletedTask;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await runner.RunDueAsync(stoppingToken);
                pulse.PassSucceeded(clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }
            if (handled > 0) continue; // more may be due: go again at once
            try
            {
                await wakeups.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await listening;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker loop started, polling every {Interval}")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker pass failed; retrying after the poll interval")]
    private static partial void LogPassFailed(ILogger logger, Exception ex);
}
