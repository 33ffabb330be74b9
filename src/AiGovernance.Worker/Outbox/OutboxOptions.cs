using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Worker.Outbox;

public sealed class OutboxOptions
{
    public const string SectionName = "Governance:Outbox";
    public const string HttpClientName = "erp-outbox";
    /// <summary>Fallback ERP endpoint for tenants without a row in erp_endpoints (configuration key, outside this section).</summary>
    public const string DefaultEndpointKey = "Governance:Erp:DefaultEndpoint";

    /// <summary>The first retry waits up to this long; each further retry doubles the ceiling.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Attempts before a message is dead-lettered (then only a redelivery through the API sends it again).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Per request; keep it well below the worker lease so a slow ERP never outlives the claim.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Allow endpoints on loopback or private networks (development and tests); off in production.</summary>
    public bool AllowPrivateEndpoints { get; set; }
    /// <summary>Bound from <see cref="DefaultEndpointKey"/>.</summary>
    public string? DefaultEndpoint { get; set; }
}
