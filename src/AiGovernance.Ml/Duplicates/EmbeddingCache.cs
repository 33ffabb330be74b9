using AiGovernance.Ml.Embeddings;

namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// Embeds each distinct description once. Procurement descriptions repeat a lot (the Oxford data has
/// 260 categories across 60k payments), so this turns minutes of MiniLM into seconds.
/// </summary>
public sealed class EmbeddingCache(ITextEmbedder embedder)
{
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public int Count => _vectors.Count;

    /// <summary>Computes the missing vectors for these texts in batches.</summary>
    public async Task AddAsync(IEnumerable<string> texts, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var missing = texts.Where(t => !_vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        const int chunk = 256;
        for (var i = 0; i < missing.Count; i += chunk)
        {
            var batch = missing.GetRange(i, Math.Min(chunk, missing.Count - i));
            var vectors = await embedder.EmbedAsync(batch, ct);
            for (var k = 0; k < batch.Count; k++) _vectors[batch[k]] = vectors[k];
            progress?.Report((Math.Min(i + chunk, missing.Count), missing.Count));
        }
    }

    /// <summary>The vector of a text added earlier, or null.</summary>
    public float[]? Get(string text) => _vectors.GetValueOrDefault(text);

    public DuplicateRecord With(DuplicateRecord r) =>
        _vectors.TryGetValue(r.Description, out var v) ? r with { Embedding = v } : r;

    /// <summary>Every record with its description embedding attached.</summary>
    public async Task<List<DuplicateRecord>> AttachAsync(IReadOnlyList<DuplicateRecord> records, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        await AddAsync(records.Select(r => r.Description), progress, ct);
        return records.Select(With).ToList();
    }
}
