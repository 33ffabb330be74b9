using AiGovernance.Data.Exceptions;
using AiGovernance.Data.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Worker.Exceptions;

/// <summary>
/// At start, schedules the projector once for every tenant, so a deployment upgraded to the exception inbox
/// (or a log written while no worker ran) is caught up without waiting for the next relevant entry. A tenant
/// already caught up costs one empty pass.
/// </summary>
public sealed partial class ExceptionCatchUp(NpgsqlDataSource db, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<ExceptionCatchUp> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        try
        {
            var tenants = await Tenants.ForMonitoringAsync(db, stoppingToken);
            foreach (var (id, _) in tenants.Where(t => options.Value.TenantId is not { } only || t.Id == only))
            {
                await using var scope = await TenantScope.BeginAsync(db, id, stoppingToken);
                await ExceptionProjector.ScheduleAsync(scope, clock.GetUtcNow(), stoppingToken);
                await scope.CommitAsync(stoppingToken);
            }
            LogScheduled(logger, tenants.Count);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Not fatal: the next relevant log entry schedules the projector anyway.
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Exception inbox catch-up scheduled for {Count} tenants")]
    private static partial void LogScheduled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule the exception inbox catch-up; it waits for the next relevant log entry")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
