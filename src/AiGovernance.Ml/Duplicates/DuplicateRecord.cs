namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// One requisition (or payment, or invoice) as the duplicate detector sees it. The same shape serves
/// the CSV command and the service, so a model trained on files scores live requisitions unchanged.
/// </summary>
public sealed record DuplicateRecord(
    string Id,
    string Supplier,
    string? SupplierId,
    string? Reference,
    string Description,
    decimal Amount,
    string? Currency,
    DateOnly Date,
    string? Requester = null,
    string? CostCenter = null,
    IReadOnlyList<string>? LineItems = null)
{
    /// <summary>L2-normalized description embedding, when one was computed.</summary>
    public float[]? Embedding { get; init; }
}

/// <summary>A flagged pair: B is the earlier record that A probably repeats.</summary>
public sealed record DuplicateMatch(string IdA, string IdB, double Probability, bool Flagged, IReadOnlyList<string> Reasons,
    IReadOnlyList<FeatureContribution> Drivers);

/// <summary>How much one feature pushed the score (signed, in the model's log-odds or margin units) and its value.</summary>
public sealed record FeatureContribution(string Feature, double Value, double Contribution);
