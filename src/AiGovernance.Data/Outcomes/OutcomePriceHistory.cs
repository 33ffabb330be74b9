using AiGovernance.Data.Detection;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Outcomes;

/// <summary>
/// The tenant's purchase history of the items in a price-variance export: what the detector compared the judged
/// lines with. Exported beside the labels (unlabelled) so a retrained model sees the same references.
/// </summary>
public static class OutcomePriceHistory
{
    public static async Task<IReadOnlyList<PriceHistoryLine>> ForItemsAsync(TenantScope scope, IReadOnlyCollection<string> items, DateOnly until,
        CancellationToken ct)
    {
        if (items.Count == 0) return [];
        await using var cmd = scope.Command("""
            SELECT item, description, supplier, quantity, uom, unit_price, currency, purchased_on FROM price_history
            WHERE item = ANY($1) AND purchased_on <= $2
            ORDER BY purchased_on, item, supplier, unit_price, quantity, id
            """);
        cmd.Parameters.AddWithValue(items.ToArray());
        cmd.Parameters.AddWithValue(until);
        var list = new List<PriceHistoryLine>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new PriceHistoryLine(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetDecimal(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetDecimal(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetFieldValue<DateOnly>(7)));
        return list;
    }
}
