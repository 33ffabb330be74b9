namespace AiGovernance.Ml.Duplicates.Dataset;

/// <summary>
/// Abt-Buy split in two disjoint halves by match pair (seeded): each half holds the records of its
/// matches and half of the unmatched records, so a model trained on one half is measured on products it
/// never saw. Blocking is description nearest neighbours only (no supplier ids, references or dates).
/// </summary>
public static class AbtBuySets
{
    public static readonly BlockingOptions Blocking = new(WindowDays: 1, ReferenceWindowDays: 1, MaxPerKey: 5, NearestDescriptions: 8, MinDescriptionCosine: 0.5);

    public static (InjectedSet Train, InjectedSet Test) Split(IReadOnlyList<DuplicateRecord> records, IReadOnlyList<(string A, string B)> matches, int seed)
    {
        var random = new Random(seed);
        var side = new Dictionary<string, bool>(StringComparer.Ordinal); // true = test
        foreach (var (a, b) in matches)
        {
            // A record in several matches stays on the side its first match was given.
            var test = side.TryGetValue(a, out var s) ? s : side.TryGetValue(b, out var t) ? t : random.NextDouble() < 0.5;
            side[a] = test;
            side[b] = test;
        }
        foreach (var r in records)
            if (!side.ContainsKey(r.Id)) side[r.Id] = random.NextDouble() < 0.5;
        InjectedSet Half(bool test)
        {
            var ids = side.Where(kv => kv.Value == test).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
            return new InjectedSet
            {
                Records = records.Where(r => ids.Contains(r.Id)).ToList(),
                Truth = matches.Where(m => ids.Contains(m.A) && ids.Contains(m.B))
                    .ToDictionary(m => InjectedSet.Key(m.A, m.B), _ => "abt-buy-match"),
            };
        }
        return (Half(false), Half(true));
    }

    public static async Task<BlockedSet> BlockAsync(InjectedSet set, EmbeddingCache embeddings, CancellationToken ct)
    {
        var records = await embeddings.AttachAsync(set.Records, null, ct);
        var prepared = records.Select(r => new PreparedRecord(r)).ToList();
        AmountSeries.Annotate(prepared);
        return new BlockedSet(set, prepared, CandidateBlocker.Candidates(prepared, Blocking, null, ct));
    }
}
