using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Api.Infrastructure.Metrics;

/// <summary>The Prometheus endpoint and its collector (<c>Governance:Metrics</c>); see docs/metrics.md.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Governance:Metrics";

    public bool Enabled { get; set; } = true;

    /// <summary>When set, /metrics answers only <c>Authorization: Bearer &lt;ScrapeToken&gt;</c>; when empty, keep /metrics on the monitoring network.</summary>
    public string? ScrapeToken { get; set; }

    /// <summary>How often the collector recomputes the business figures and drift of every tenant.</summary>
    [Range(5, 86400)]
    public int RefreshSeconds { get; set; } = 60;

    /// <summary>The window of the business gauges: the same figures as the dashboard's "last 30 days".</summary>
    [Range(1, 365)]
    public int WindowDays { get; set; } = 30;
}

/// <summary>Definitions the Operations dashboard and the gauges share (<c>Governance:Operations</c>).</summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Governance:Operations";

    /// <summary>An approval this many seconds after its step became active, or after the same person's previous decision, counts as suspiciously fast.</summary>
    [Range(1, 3600)]
    public int FastApprovalSeconds { get; set; } = Data.Reporting.FastApprovalRule.DefaultSeconds;
}
