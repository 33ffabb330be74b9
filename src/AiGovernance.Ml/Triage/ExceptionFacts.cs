namespace AiGovernance.Ml.Triage;

/// <summary>
/// What was known about an exception when it was raised — never anything learned later (the outcome, the time it
/// waited, decisions made after it), so a model trained on these facts can score a new exception the same way.
/// </summary>
/// <param name="HoursToSla">Hours from raising to the SLA of the requisition's active step (negative: already overdue).</param>
/// <param name="HoursToNeededBy">Hours from raising to the needed-by (or promised) date.</param>
/// <param name="TypeReal">Exceptions of the same type reviewers had found real before this one was raised.</param>
/// <param name="SupplierReal">The same, for exceptions about the same supplier's requisitions.</param>
/// <param name="DuplicatePercent">Evidence: the duplicate detector's best pair probability, when the evidence carries one.</param>
/// <param name="PriceVariancePercent">Evidence: the largest price variance of a flagged line, in percent.</param>
public sealed record ExceptionFacts(
    string Type,
    string Severity,
    double? Confidence,
    decimal? AmountAtRisk,
    string? SupplierRisk,
    double? HoursToSla,
    double? HoursToNeededBy,
    bool CustomerCommitment,
    int TypeReal,
    int TypeDismissed,
    int SupplierReal,
    int SupplierDismissed,
    double? DuplicatePercent,
    double? PriceVariancePercent);

/// <summary>A decided exception: its facts at raise time and what reviewers found (resolved = real, dismissed = false alarm).</summary>
public sealed record ExceptionExample(string Id, DateTimeOffset RaisedAt, ExceptionFacts Facts, bool Real);
