namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// Context the pair alone does not show: how many other payments the same supplier received for about
/// the same amount in the weeks before. Recurring payments (rent, allowances, subscriptions) are the
/// main source of false duplicate alarms; a one-off invoice keyed twice has no such series.
/// Counts only records on or before the record's date, as a live service only knows the past.
/// </summary>
public static class AmountSeries
{
    public const int WindowDays = 45;

    /// <summary>Whether <paramref name="other"/> belongs to <paramref name="record"/>'s series: same supplier, amount within 1 %, up to 45 days before.</summary>
    public static bool InSeries(PreparedRecord record, PreparedRecord other)
    {
        var gap = record.Record.Date.DayNumber - other.Record.Date.DayNumber;
        if (gap < 0 || gap > WindowDays || ReferenceEquals(record, other) || record.Record.Id == other.Record.Id) return false;
        if (record.SupplierBlockKey != other.SupplierBlockKey) return false;
        var x = Math.Abs(record.Record.Amount);
        var y = Math.Abs(other.Record.Amount);
        return x > 0 && y > 0 && Math.Abs(x - y) <= 0.01m * Math.Max(x, y);
    }

    /// <summary>Sets <see cref="PreparedRecord.SeriesCount"/> on every record from the others in the set.</summary>
    public static void Annotate(IReadOnlyList<PreparedRecord> records)
    {
        foreach (var group in records.GroupBy(r => r.SupplierBlockKey))
        {
            var list = group.OrderBy(r => r.Record.Date).ToList();
            var start = 0;
            for (var i = 0; i < list.Count; i++)
            {
                var day = list[i].Record.Date.DayNumber;
                while (day - list[start].Record.Date.DayNumber > WindowDays) start++;
                var count = 0;
                // Same-day records after i in the ordering are "not later" either, so scan to the end of the day.
                for (var j = start; j < list.Count && list[j].Record.Date.DayNumber <= day; j++)
                    if (j != i && InSeries(list[i], list[j])) count++;
                list[i].SeriesCount = count;
            }
        }
    }

    /// <summary>The series count of a candidate against an explicit history (the service's ScoreAll).</summary>
    public static int Count(PreparedRecord record, IEnumerable<PreparedRecord> history) => history.Count(h => InSeries(record, h));
}
