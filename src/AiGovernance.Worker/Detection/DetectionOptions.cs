using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Worker.Detection;

/// <summary>Detection settings (<c>Governance:Detection</c>).</summary>
public sealed class DetectionOptions
{
    public const string SectionName = "Governance:Detection";

    /// <summary>Score requisitions in this host's worker. Off, the jobs wait for a host where it is on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The model registry directory; default: the nearest <c>models/</c> with a registry.json above the app.</summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>
    /// Kill switch for every tenant: kinds listed here (duplicate, split-purchase, price-variance, category) never run,
    /// whatever a tenant's own switch says. Routing falls back to the policy's rules.
    /// </summary>
    public string[] Disabled { get; set; } = [];

    /// <summary>How far back split-purchase detection looks for the other parts of a split.</summary>
    [Range(1, 365)]
    public int SplitPurchaseWindowDays { get; set; } = 14;

    /// <summary>How far back the price history for an item is read.</summary>
    [Range(7, 3650)]
    public int PriceLookBackDays { get; set; } = 365;

    /// <summary>Recommendations of the detectors expire after this many hours if nobody decides.</summary>
    [Range(1, 720)]
    public int RecommendationLifetimeHours { get; set; } = 168;
}

/// <summary>The kinds a kill switch can name.</summary>
public static class DetectorKinds
{
    public static readonly IReadOnlyList<string> All = [Data.Detection.Detectors.Duplicate, Data.Detection.Detectors.SplitPurchase,
        Data.Detection.Detectors.PriceVariance, CategoryScoring.Detector, Ml.Triage.ExceptionProbabilityModel.Kind];
}
