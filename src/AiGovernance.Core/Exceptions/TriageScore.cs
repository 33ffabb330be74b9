namespace AiGovernance.Core.Exceptions;

/// <summary>Weights of the three parts (exponents: 1 = as is, 0 = ignore that part) and the scale of impact.</summary>
public sealed record TriageWeights(double Probability = 1, double Impact = 1, double Urgency = 1, decimal ImpactCap = 100_000m,
    double CommitmentBoost = 1.5)
{
    public static readonly TriageWeights Default = new();
}

/// <summary>What the score is computed from; any part may be unknown.</summary>
public sealed record TriageInput(
    string Type,
    string Severity,
    double? Confidence,
    int SimilarReal,
    int SimilarDismissed,
    decimal? AmountAtRisk,
    string? SupplierRisk,
    TimeSpan? SlaLeft,
    TimeSpan? NeededByLeft,
    bool CustomerCommitment)
{
    /// <summary>The probability the active exception-probability model gave, when one scored this exception; it replaces the blend.</summary>
    public double? ModelProbability { get; init; }
    public string? ModelVersion { get; init; }
    /// <summary>The customer order the requisition is bought for (shown in the urgency reason).</summary>
    public string? CustomerOrder { get; init; }
}

public sealed record TriagePart(double Value, string Why);

public sealed record TriageBreakdown(TriagePart Probability, TriagePart Impact, TriagePart Urgency, double Score);

/// <summary>
/// Triage score = probability the exception is real × impact × urgency, each part in [0, 1] with the
/// sentence that explains it, so a reviewer can see why an item is first. Pure; weights are policy.
/// </summary>
public static class TriageScore
{
    /// <summary>How many past decisions weigh as much as the detector's own confidence.</summary>
    public const double PriorWeight = 5;

    public static TriageBreakdown Compute(TriageInput i, TriageWeights w)
    {
        var p = Probability(i);
        var im = Impact(i, w);
        var u = Urgency(i, w);
        var score = Math.Pow(p.Value, w.Probability) * Math.Pow(im.Value, w.Impact) * Math.Pow(u.Value, w.Urgency);
        return new TriageBreakdown(p, im, u, Math.Round(score, 4));
    }

    private static TriagePart Probability(TriageInput i)
    {
        if (i.ModelProbability is { } m)
            return new(Clamp(m), $"model {i.ModelVersion ?? "?"} learned from reviewers' outcomes: {m:0.00}");
        var prior = i.Confidence ?? SeverityPrior(i.Severity);
        var source = i.Confidence is { } c ? $"detector confidence {c:0.00}" : $"{i.Severity} severity";
        var decided = i.SimilarReal + i.SimilarDismissed;
        if (decided == 0) return new(Clamp(prior), $"{source}; no similar exception decided yet");
        var p = (prior * PriorWeight + i.SimilarReal) / (PriorWeight + decided);
        return new(Clamp(p), $"{source}; reviewers found {i.SimilarReal} of {decided} similar exceptions real");
    }

    private static TriagePart Impact(TriageInput i, TriageWeights w)
    {
        var criticality = i.SupplierRisk switch { "high" => 1.0, "low" => 0.5, null => 0.75, _ => 0.75 };
        double amountPart;
        string why;
        if (i.AmountAtRisk is { } a && a > 0)
        {
            amountPart = Math.Log10(1 + (double)a) / Math.Log10(1 + (double)w.ImpactCap);
            why = $"{a:N0} at risk";
        }
        else
        {
            amountPart = 0.5;
            why = "no amount at risk";
        }
        var value = Clamp(amountPart) * criticality;
        if (i.Severity == "critical") value = Math.Max(value, 0.8);
        return new(Clamp(value), i.SupplierRisk is { } r ? $"{why}; {r}-risk supplier" : why);
    }

    private static TriagePart Urgency(TriageInput i, TriageWeights w)
    {
        var sla = i.SlaLeft is { } s ? (s <= TimeSpan.Zero ? 1 : 1 / (1 + s.TotalHours / 24)) : 0;
        var need = i.NeededByLeft is { } n ? (n <= TimeSpan.Zero ? 1 : 1 / (1 + n.TotalDays / 7)) : 0;
        var value = Math.Max(0.1, Math.Max(sla, need));
        var parts = new List<string>();
        if (i.SlaLeft is { } sl) parts.Add(sl <= TimeSpan.Zero ? "SLA overdue" : $"{sl.TotalHours:0} h to the SLA");
        if (i.NeededByLeft is { } nl) parts.Add(nl <= TimeSpan.Zero ? "needed-by date passed" : $"needed in {nl.TotalDays:0} d");
        if (i.CustomerCommitment)
        {
            value *= w.CommitmentBoost;
            parts.Add(i.CustomerOrder is { } order ? $"tied to customer order {order}" : "tied to a customer commitment");
        }
        return new(Clamp(value), parts.Count == 0 ? "no deadline" : string.Join("; ", parts));
    }

    private static double SeverityPrior(string severity) => severity switch { "critical" => 0.9, "high" => 0.7, "medium" => 0.5, _ => 0.3 };

    private static double Clamp(double v) => double.IsNaN(v) ? 0 : Math.Clamp(v, 0, 1);
}
