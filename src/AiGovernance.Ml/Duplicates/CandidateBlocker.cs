using AiGovernance.Ml.Embeddings;

namespace AiGovernance.Ml.Duplicates;

/// <param name="WindowDays">How far back supplier, amount and description candidates are looked for.</param>
/// <param name="ReferenceWindowDays">How far back a shared normalized reference still makes a candidate.</param>
/// <param name="MaxPerKey">Per blocking key, the earlier records kept (closest amount first), so a supplier paid daily does not explode the pair count.</param>
/// <param name="NearestDescriptions">Description nearest neighbours kept per record (embedding cosine).</param>
/// <param name="MinDescriptionCosine">Below this cosine a description neighbour is not a candidate.</param>
public sealed record BlockingOptions(int WindowDays = 45, int ReferenceWindowDays = 365, int MaxPerKey = 20,
    int NearestDescriptions = 5, double MinDescriptionCosine = 0.75);

/// <summary>
/// Candidate retrieval: which earlier records a record is compared with. Scoring every pair is
/// quadratic; duplicates share at least one of supplier (id or normalized name), normalized reference,
/// reference digits, exact amount, or a near description within a date window, so only those pairs are scored.
/// Callers scope the records to one tenant. Returns (later, earlier) index pairs into the input list.
/// </summary>
public static class CandidateBlocker
{
    public static List<(int Later, int Earlier)> Candidates(IReadOnlyList<PreparedRecord> records, BlockingOptions options,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        var order = Enumerable.Range(0, records.Count)
            .OrderBy(i => records[i].Record.Date).ThenBy(i => records[i].Record.Id, StringComparer.Ordinal).ToArray();
        var indexes = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var pairs = new HashSet<(int, int)>();
        var windowStart = 0;
        for (var pos = 0; pos < order.Length; pos++)
        {
            if (pos % 1000 == 0) { ct.ThrowIfCancellationRequested(); progress?.Report((pos, order.Length)); }
            var i = order[pos];
            var r = records[i];
            var keys = Keys(r).ToList();
            foreach (var (key, window) in keys)
                if (indexes.TryGetValue(key, out var earlier))
                    foreach (var j in Closest(records, r, earlier, window, options.MaxPerKey)) pairs.Add((i, j));

            while (records[order[windowStart]].Record.Date.DayNumber < r.Record.Date.DayNumber - options.WindowDays) windowStart++;
            if (r.Embedding is not null && options.NearestDescriptions > 0)
                foreach (var j in NearestDescriptions(records, order, windowStart, pos, options)) pairs.Add((i, j));

            foreach (var (key, _) in keys)
            {
                if (!indexes.TryGetValue(key, out var list)) indexes[key] = list = [];
                list.Add(i);
            }
        }
        progress?.Report((order.Length, order.Length));
        return pairs.OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToList();

        IEnumerable<(string Key, int Window)> Keys(PreparedRecord r)
        {
            if (r.SupplierIdKey.Length > 0) yield return ("sid:" + r.SupplierIdKey, options.WindowDays);
            if (r.SupplierKey.Length > 0) yield return ("sup:" + r.SupplierKey, options.WindowDays);
            if (r.Reference.Length >= 3) yield return ("ref:" + r.Reference, options.ReferenceWindowDays);
            if (r.ReferenceDigits.Length >= 4) yield return ("dig:" + r.ReferenceDigits, options.ReferenceWindowDays);
            if (r.Record.Amount != 0) yield return ("amt:" + Math.Abs(r.Record.Amount).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), options.WindowDays);
        }
    }

    /// <summary>Earlier records under one key within the window, the closest amounts first.</summary>
    private static IEnumerable<int> Closest(IReadOnlyList<PreparedRecord> records, PreparedRecord r, List<int> earlier, int window, int max)
    {
        var day = r.Record.Date.DayNumber;
        var inWindow = new List<int>();
        // Lists are in date order, so walk back from the newest and stop at the window edge (or after a bounded scan).
        for (var k = earlier.Count - 1; k >= 0 && inWindow.Count < 20 * max; k--)
        {
            if (day - records[earlier[k]].Record.Date.DayNumber > window) break;
            inWindow.Add(earlier[k]);
        }
        return inWindow.Count <= max ? inWindow : inWindow.OrderByDescending(j => AmountRatio(r, records[j])).Take(max);
    }

    private static IEnumerable<int> NearestDescriptions(IReadOnlyList<PreparedRecord> records, int[] order, int from, int pos, BlockingOptions options)
    {
        var r = records[order[pos]];
        var best = new List<(float Cosine, int Index)>();
        for (var k = from; k < pos; k++)
        {
            var other = records[order[k]];
            if (other.Embedding is null || AmountRatio(r, other) < 0.3) continue;
            var cos = ReferenceEquals(other.Embedding, r.Embedding) ? 1f : Vectors.Cosine(r.Embedding, other.Embedding);
            if (cos < options.MinDescriptionCosine) continue;
            best.Add((cos, order[k]));
        }
        return best.OrderByDescending(b => b.Cosine).Take(options.NearestDescriptions).Select(b => b.Index);
    }

    /// <summary>min/max of the two amounts; 1 when either is unknown (0), so missing prices do not block.</summary>
    private static double AmountRatio(PreparedRecord a, PreparedRecord b)
    {
        var x = Math.Abs(a.Record.Amount);
        var y = Math.Abs(b.Record.Amount);
        return x == 0 || y == 0 ? 1 : (double)(Math.Min(x, y) / Math.Max(x, y));
    }
}
