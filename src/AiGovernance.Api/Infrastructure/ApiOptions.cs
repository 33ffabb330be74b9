namespace AiGovernance.Api.Infrastructure;

public sealed class ApiOptions
{
    public const string SectionName = "Governance:Api";
    /// <summary>Requests per caller per minute before 429.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000_000)]
    public int PermitsPerMinute { get; set; } = 1200;
    /// <summary>Largest accepted request body; larger ones get 413.</summary>
    [System.ComponentModel.DataAnnotations.Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
