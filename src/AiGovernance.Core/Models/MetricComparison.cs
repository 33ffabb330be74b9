namespace AiGovernance.Core.Models;

/// <summary>
/// The challenger's primary metric beside the champion's. <see cref="Basis"/> says how comparable they
/// are: measured on the same evaluation set by the trainer, or each read from its own metrics.json.
/// </summary>
public sealed record MetricComparison(string Metric, bool HigherIsBetter, double? Challenger, double? Champion, string? ChampionVersion, string Basis)
{
    public const string SameEvaluationSet = "same evaluation set";
    public const string ChampionOwnMetrics = "champion's own metrics.json (not necessarily the same evaluation set)";
    public const string NoChampion = "no champion";

    /// <summary>Worse only when both values are known: an unmeasurable comparison is shown, never silently refused or passed as better.</summary>
    public bool ChallengerIsWorse =>
        Challenger is { } c && Champion is { } p && (HigherIsBetter ? c < p : c > p);

    public string Describe() =>
        $"{Metric} {Format(Challenger)} (challenger) vs {Format(Champion)} (champion {ChampionVersion ?? "none"}; {Basis})";

    private static string Format(double? v) => v?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
}
