using AiGovernance.Data.Jobs;
using AiGovernance.Data.Reporting;
using AiGovernance.Data.Tenancy;
using AiGovernance.Worker;
using AiGovernance.Worker.Drift;
using AiGovernance.Worker.Models;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Api.Infrastructure.Metrics;

/// <summary>
/// Recomputes the business gauges every <see cref="MetricsOptions.RefreshSeconds"/>: the dashboard's figures over the
/// last <see cref="MetricsOptions.WindowDays"/> and each model's drift, per tenant, each in its own tenant scope.
/// A scrape only reads the last snapshot, so scraping never costs a query per tenant. The loop starts at the first
/// scrape: a host nobody monitors (a test host, a CLI) never runs it.
/// </summary>
public sealed partial class MetricsCollector(NpgsqlDataSource db, DriftMonitor drift, IOptions<MetricsOptions> options,
    IOptions<OperationsOptions> operations, TimeProvider clock, ILogger<MetricsCollector> logger, WorkerPulse? pulse = null) : BackgroundService
{
    private readonly TaskCompletionSource firstScrape = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called by the scrape endpoint; the first call starts the refresh loop.</summary>
    public void Wake() => firstScrape.TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await firstScrape.Task.WaitAsync(stoppingToken); }
        catch (OperationCanceledException) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RefreshAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogRefreshFailed(logger, ex); }
            try { await Task.Delay(TimeSpan.FromSeconds(options.Value.RefreshSeconds), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One refresh; a tenant whose figures fail is left out (and named) rather than failing every tenant.</summary>
    public async Task<MetricsSnapshot> RefreshAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var range = ReportRange.LastDays(now, options.Value.WindowDays);
        var rule = new FastApprovalRule(operations.Value.FastApprovalSeconds);
        var tenants = new List<TenantMetrics>();
        var failed = new List<string>();
        foreach (var (id, slug) in await Tenants.ForMonitoringAsync(db, ct))
        {
            try
            {
                await using var scope = await TenantScope.BeginAsync(db, id, ct);
                var figures = await OperationsFigures.ReadAsync(scope, range, now, rule, ct);
                var reports = new List<DriftReport>();
                foreach (var kind in RequestPromotion.Kinds) reports.Add(await drift.MeasureAsync(scope, kind, ct));
                tenants.Add(new TenantMetrics(slug, figures, reports));
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                LogTenantFailed(logger, slug, ex);
                failed.Add(slug);
            }
        }
        var snapshot = new MetricsSnapshot(now, tenants, await JobQueueHealth.DueAsync(db, now, ct), pulse?.LastSuccessfulPass, failed);
        GovernanceGauges.Publish(snapshot);
        return snapshot;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Metrics refresh failed; the gauges keep the previous snapshot")]
    private static partial void LogRefreshFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics for tenant {Tenant} failed; left out of this refresh")]
    private static partial void LogTenantFailed(ILogger logger, string tenant, Exception ex);
}
