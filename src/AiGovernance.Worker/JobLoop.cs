using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiGovernance.Worker;

/// <summary>The hosted loop: a pass of the job runner every poll interval (immediately again while work remains).</summary>
public sealed partial class JobLoop(JobRunner runner, WorkerPulse pulse, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<JobLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        LogStarted(logger, options.Value.PollInterval);
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
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker loop started, polling every {Interval}")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker pass failed; retrying after the poll interval")]
    private static partial void LogPassFailed(ILogger logger, Exception ex);
}
