namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// Labelled pairs → feature rows. Embeddings come from the cache; a seeded share of pairs is scored
/// without them (token-trigram similarity, embedding_present = 0) so one model serves callers that
/// send embeddings and callers that do not.
/// </summary>
public static class DuplicateFeatureRows
{
    public const double EmbeddingDropout = 0.3;
    public const double HistoryDropout = 0.2;

    public static List<PairRow> Build(IReadOnlyList<LabelledPair> pairs, EmbeddingCache? embeddings, int seed)
    {
        var rows = new List<PairRow>(pairs.Count);
        foreach (var p in pairs)
        {
            var withEmbedding = embeddings is not null && StableUnit(p.A.Id + "|" + p.B.Id, seed) >= EmbeddingDropout;
            var a = Prepare(p.A, withEmbedding);
            // Like embeddings, the history is dropped for a seeded share so Score(pair) without history stays sensible.
            a.SeriesCount = StableUnit(p.B.Id + "|" + p.A.Id, seed) >= HistoryDropout ? p.Series : null;
            var b = Prepare(p.B, withEmbedding);
            rows.Add(new PairRow { Label = p.Label, Weight = p.Weight, Features = PairFeatures.Compute(a, b) });
        }
        return rows;

        PreparedRecord Prepare(DuplicateRecord r, bool withEmbedding) =>
            withEmbedding ? new PreparedRecord(embeddings!.With(r)) : new PreparedRecord(r with { Embedding = null });
    }

    /// <summary>A hash in [0, 1) that is the same in every process (string.GetHashCode is randomized per run).</summary>
    public static double StableUnit(string text, int seed)
    {
        var h = 2166136261u ^ (uint)seed;
        foreach (var c in text) h = (h ^ c) * 16777619u;
        return (h & 0xFFFFFF) / (double)0x1000000;
    }
}
