namespace AiGovernance.Ml.Triage;

/// <summary>
/// Normalized discounted cumulative gain at k: how close an ordering puts the most relevant items first, 1 = the
/// ideal order. Gain 2^rel − 1 at position i (1-based) discounted by log2(i + 1), divided by the same sum of the
/// ideal (relevance-descending) order. Pure.
/// </summary>
public static class Ndcg
{
    /// <summary>NDCG@k of relevances listed in ranked order; null when nothing is relevant (the ideal gain is 0: undefined).</summary>
    public static double? AtK(IReadOnlyList<double> rankedRelevance, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var ideal = Dcg(rankedRelevance.OrderByDescending(r => r).ToList(), k);
        return ideal <= 0 ? null : Dcg(rankedRelevance, k) / ideal;
    }

    public static double Dcg(IReadOnlyList<double> rankedRelevance, int k)
    {
        double sum = 0;
        for (var i = 0; i < Math.Min(k, rankedRelevance.Count); i++)
            sum += (Math.Pow(2, rankedRelevance[i]) - 1) / Math.Log2(i + 2);
        return sum;
    }
}
