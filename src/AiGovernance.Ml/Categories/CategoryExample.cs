namespace AiGovernance.Ml.Categories;

/// <summary>
/// One categorised purchase (a requisition, a PO line or a payment) as the category classifier sees it.
/// </summary>
/// <param name="Description">The free text: item description, or what the source has instead (Oxford: the service area).</param>
/// <param name="Supplier">Supplier name when known; a text feature of its own.</param>
/// <param name="Category">The label; null when unlabelled (prediction).</param>
/// <param name="Date">For time splits; null when the source has none.</param>
public sealed record CategoryExample(string Id, string Description, string? Supplier, string? Category, DateOnly? Date = null)
{
    /// <summary>The text that is embedded: supplier and description together, the way a reviewer reads them.</summary>
    public string EmbeddingText => string.IsNullOrWhiteSpace(Supplier) ? Description : $"{Supplier} — {Description}";
}
