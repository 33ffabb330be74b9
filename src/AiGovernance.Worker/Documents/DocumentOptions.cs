using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Worker.Documents;

/// <summary>Supplier document settings (<c>Governance:Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Governance:Documents";

    /// <summary>Read uploaded documents in this host's worker. Off, the jobs wait for a host where it is on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Largest accepted upload; larger ones get 413 document_too_large.</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Documents with more pages are not read (status too_large).</summary>
    [Range(1, 2000)]
    public int MaxPages { get; set; } = 50;

    /// <summary>Reading one document may take at most this long (status timeout).</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Cross-check and follow-up recommendations expire after this many hours if nobody decides.</summary>
    [Range(1, 720)]
    public int RecommendationLifetimeHours { get; set; } = 168;
}
