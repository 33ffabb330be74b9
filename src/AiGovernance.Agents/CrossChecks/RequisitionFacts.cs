namespace AiGovernance.Agents.CrossChecks;

/// <summary>What a document is compared against: the requisition as submitted and its supplier's master record.</summary>
/// <param name="References">Numbers a document may quote for this purchase: the requisition number, the ERP's id, the supplier's reference.</param>
/// <param name="ConvertAmount">Converts an amount between currencies at the policy's rates; null when there is no rate.</param>
public sealed record RequisitionFacts(
    string Number,
    string SupplierName,
    IReadOnlyList<string> References,
    decimal Amount,
    string Currency,
    DateOnly? NeededBy,
    Func<decimal, string, string, decimal?> ConvertAmount);

/// <summary>
/// A disagreement between a document and the requisition. <see cref="Severity"/> "hold" means the purchase
/// should wait for a person (the recommendation is a hold); "note" is worth a reviewer's attention only.
/// </summary>
public sealed record CrossCheckFinding(string Code, string Severity, string Message, double Confidence, IReadOnlyList<string> FieldNames);
