namespace AiGovernance.Core.Requisitions;

public sealed record RequisitionLine(string ItemCode, string Description, decimal Quantity, string UnitOfMeasure, decimal UnitPrice)
{
    public decimal Amount => Math.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A reference to a supporting file (the document reader of a later issue stores the bytes).</summary>
public sealed record RequisitionAttachment(string FileName, string? ContentType, string? Sha256, string? Url);
