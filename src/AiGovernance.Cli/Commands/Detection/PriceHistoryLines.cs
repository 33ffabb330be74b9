using AiGovernance.Data.Detection;
using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Cli.Commands.Detection;

/// <summary>A purchase line as the history table stores it (the import command and the bench load the same shape).</summary>
public static class PriceHistoryLines
{
    public static PriceHistoryLine From(PriceLine l, int shiftDays = 0) =>
        new(l.Item, l.Description, l.Supplier, l.Quantity, l.Uom, l.UnitPrice, l.Currency, l.Date.AddDays(shiftDays));
}
