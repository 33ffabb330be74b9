namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// Earlier lines per item, appended in date order, for scoring a file as a stream: each line is scored only
/// against lines dated before it. Holds every line once (a 541k-line file fits comfortably).
/// </summary>
public sealed class PriceHistoryIndex(int windowDays = 365, int maxLines = 256)
{
    private readonly Dictionary<string, List<PriceLine>> _byItem = new(StringComparer.OrdinalIgnoreCase);

    public int Items => _byItem.Count;

    /// <summary>Add lines in non-decreasing date order.</summary>
    public void Add(PriceLine line)
    {
        var key = line.Item.Trim();
        if (!_byItem.TryGetValue(key, out var list)) _byItem[key] = list = [];
        list.Add(line);
    }

    /// <summary>The item's lines dated before <paramref name="line"/> within the window, at most maxLines (the newest).</summary>
    public IReadOnlyList<PriceLine> Before(PriceLine line)
    {
        if (!_byItem.TryGetValue(line.Item.Trim(), out var list)) return [];
        var end = list.Count;
        while (end > 0 && list[end - 1].Date >= line.Date) end--; // same-day lines are not history
        var from = line.Date.AddDays(-windowDays);
        var start = end;
        while (start > 0 && end - start < maxLines && list[start - 1].Date >= from) start--;
        return list.GetRange(start, end - start);
    }
}
