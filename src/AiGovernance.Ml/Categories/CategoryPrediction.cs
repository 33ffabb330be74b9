namespace AiGovernance.Ml.Categories;

/// <summary>One proposed category with its probability and the evidence for it.</summary>
public sealed record CategoryScore(string Category, double Probability, IReadOnlyList<string> Reasons);

/// <summary>
/// The classifier's answer for one example: the top-k categories (probability descending) and the probability of every
/// category the model knows, so a given category's probability can be read even when it is not in the top k.
/// Probabilities are the trainer's softmax (maximum-entropy / LightGbm multiclass): calibrated-ish, not audited.
/// </summary>
public sealed record CategoryPrediction(string ModelVersion, IReadOnlyList<CategoryScore> Top, IReadOnlyDictionary<string, double> Probabilities)
{
    public CategoryScore? Best => Top.Count > 0 ? Top[0] : null;

    /// <summary>The probability of a category by name (trimmed, case-insensitive); null when the model does not know it.</summary>
    public double? ProbabilityOf(string category)
    {
        if (Probabilities.TryGetValue(category, out var p)) return p;
        var key = Probabilities.Keys.FirstOrDefault(k => Same(k, category));
        return key is null ? null : Probabilities[key];
    }

    public static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
