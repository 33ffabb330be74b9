using AiGovernance.Data.Jobs;
using AiGovernance.Data.Reporting;
using AiGovernance.Worker.Drift;

namespace AiGovernance.Api.Infrastructure.Metrics;

/// <summary>One tenant's figures and drift reports, labelled by its slug.</summary>
public sealed record TenantMetrics(string Slug, OperationsFigures Figures, IReadOnlyList<DriftReport> Drift);

/// <summary>What the gauges report until the next refresh: computed in the background, read on every scrape.</summary>
public sealed record MetricsSnapshot(DateTimeOffset RefreshedAt, IReadOnlyList<TenantMetrics> Tenants, IReadOnlyList<JobQueueDepth> Jobs,
    DateTimeOffset? LastWorkerPass, IReadOnlyList<string> FailedTenants);
