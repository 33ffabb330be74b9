namespace AiGovernance.Ml.Triage;

/// <summary>
/// One exception of the simulated history: what the inbox shows (type, detector confidence, evidence, amount,
/// supplier, deadlines), when it was raised and decided, and the hidden truth the reviewer finds.
/// </summary>
/// <param name="Source">Where it came from in the real data and how (for reading the data set, never a feature).</param>
public sealed record SimulatedException(
    string Id, string Type, string Severity, string Supplier, string SupplierRisk, double? Confidence, decimal AmountAtRisk,
    DateTimeOffset RaisedAt, DateTimeOffset DecidedAt, DateTimeOffset? SlaDue, DateTimeOffset NeededBy, bool CustomerCommitment,
    double? DuplicateProbability, double? PriceVariancePercent, bool Real, string Source);
