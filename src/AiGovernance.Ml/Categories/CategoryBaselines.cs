using AiGovernance.Ml.Duplicates;

namespace AiGovernance.Ml.Categories;

/// <summary>Baselines measured in the same run as the classifier.</summary>
public static class CategoryBaselines
{
    /// <summary>Always the most frequent training category.</summary>
    public static Func<CategoryExample, string> Majority(IReadOnlyList<CategoryExample> train)
    {
        var top = train.GroupBy(e => e.Category!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        return _ => top;
    }

    /// <summary>
    /// Lookup: the category the same supplier (normalized name) was most often coded under in training, else the most
    /// frequent category of the same description, else the majority. What a clerk with the history would guess.
    /// </summary>
    public static Func<CategoryExample, string> SupplierOrDescriptionLookup(IReadOnlyList<CategoryExample> train)
    {
        var majority = Majority(train)(train[0]);
        var bySupplier = MostFrequent(train.Where(e => !string.IsNullOrWhiteSpace(e.Supplier)), e => CategoryEvidence.SupplierKey(e.Supplier));
        var byDescription = MostFrequent(train, e => e.Description.Trim().ToUpperInvariant());
        return e => (!string.IsNullOrWhiteSpace(e.Supplier) && bySupplier.TryGetValue(CategoryEvidence.SupplierKey(e.Supplier), out var s)) ? s
            : byDescription.TryGetValue(e.Description.Trim().ToUpperInvariant(), out var d) ? d : majority;
    }

    /// <summary>Nearest neighbour by word overlap: the category of the training description (plus supplier) with the highest token Jaccard.</summary>
    public static Func<CategoryExample, string> NearestByWords(IReadOnlyList<CategoryExample> train)
    {
        var majority = Majority(train)(train[0]);
        var distinct = train.GroupBy(e => e.EmbeddingText.ToUpperInvariant())
            .Select(g => (Tokens: TextSimilarity.Tokens(g.Key), Category: g.GroupBy(e => e.Category!).OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key, N: g.Count()))
            .ToList();
        // Inverted index: only texts sharing a word are compared (Oxford has thousands of distinct supplier/department texts).
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
            foreach (var t in distinct[i].Tokens)
            {
                if (!postings.TryGetValue(t, out var list)) postings[t] = list = [];
                list.Add(i);
            }
        return e =>
        {
            var tokens = TextSimilarity.Tokens(e.EmbeddingText);
            var shared = new Dictionary<int, int>();
            foreach (var t in tokens)
                if (postings.TryGetValue(t, out var list))
                    foreach (var i in list) shared[i] = shared.GetValueOrDefault(i) + 1;
            if (shared.Count == 0) return majority;
            var best = shared.Select(s => (Index: s.Key, Score: (double)s.Value / (tokens.Count + distinct[s.Key].Tokens.Count - s.Value)))
                .OrderByDescending(s => s.Score).ThenByDescending(s => distinct[s.Index].N).ThenBy(s => s.Index).First();
            return distinct[best.Index].Category;
        };
    }

    private static Dictionary<string, string> MostFrequent(IEnumerable<CategoryExample> rows, Func<CategoryExample, string> key) =>
        rows.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => g.GroupBy(e => e.Category!).OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
}
