using AiGovernance.Ml.Embeddings;

namespace AiGovernance.Agents.Summaries;

/// <summary>
/// Picks the sentences that best represent a document: closest to the centroid of all its sentence
/// vectors (what the document is mostly about), traded off by maximal marginal relevance against
/// similarity to sentences already picked, so the summary does not say the same thing twice.
/// </summary>
public static class CentralityRanker
{
    /// <summary>MMR weight of centrality against novelty; 0.7 favours relevance, as is usual for summaries.</summary>
    public const double DefaultRelevanceWeight = 0.7;

    /// <param name="vectors">L2-normalised sentence vectors.</param>
    /// <param name="alreadySaid">Vectors of sentences the summary holds already (they count for novelty only).</param>
    /// <returns>Indexes of the chosen sentences, in the order they were chosen.</returns>
    public static IReadOnlyList<int> Select(IReadOnlyList<float[]> vectors, IReadOnlyList<float[]> alreadySaid, int count, double relevanceWeight = DefaultRelevanceWeight)
    {
        if (vectors.Count == 0 || count <= 0) return [];
        var centroid = new float[vectors[0].Length];
        foreach (var v in vectors)
            System.Numerics.Tensors.TensorPrimitives.Add(centroid, v, centroid);
        Vectors.Normalize(centroid);

        var centrality = vectors.Select(v => (double)Vectors.Cosine(v, centroid)).ToArray();
        var chosen = new List<int>();
        var remaining = Enumerable.Range(0, vectors.Count).ToHashSet();
        while (chosen.Count < count && remaining.Count > 0)
        {
            var best = remaining
                .Select(i => (Index: i, Score: relevanceWeight * centrality[i] - (1 - relevanceWeight) * Redundancy(vectors[i], chosen.Select(c => vectors[c]).Concat(alreadySaid))))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
                .First();
            chosen.Add(best.Index);
            remaining.Remove(best.Index);
        }
        return chosen;
    }

    private static double Redundancy(float[] vector, IEnumerable<float[]> picked)
    {
        var max = 0.0;
        foreach (var p in picked) max = Math.Max(max, Vectors.Cosine(vector, p));
        return max;
    }
}
