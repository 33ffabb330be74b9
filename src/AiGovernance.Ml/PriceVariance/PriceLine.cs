namespace AiGovernance.Ml.PriceVariance;

/// <summary>One purchase line as the price-variance model sees it (CSV command and service alike).</summary>
public sealed record PriceLine(
    string Id,
    string Item,
    string? Description,
    string Supplier,
    decimal Quantity,
    string? Uom,
    decimal UnitPrice,
    string? Currency,
    DateOnly Date,
    decimal? ContractPrice = null,
    string? Category = null);

/// <param name="Basis">Where the expected price came from: contract, supplier-history, item-history, regression, or none.</param>
/// <param name="Reason">A sentence a reviewer understands.</param>
public sealed record PriceVarianceResult(string Id, decimal? ExpectedPrice, double? VariancePct, double Score, bool Flagged, string Basis, string Reason);
