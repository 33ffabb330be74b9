namespace AiGovernance.Ml.Categories;

/// <summary>Precision, recall, F1 and support (true rows) of one class.</summary>
public sealed record ClassMetrics(string Category, int Support, int Predicted, double Precision, double Recall, double F1);

/// <summary>Multiclass figures computed the same way for the model and every baseline.</summary>
/// <param name="MacroF1">Unweighted mean of per-class F1 over the classes that occur in the truth or the predictions
/// (scikit-learn's convention), so predicting a class that never occurs costs, and a class never predicted counts 0.</param>
public sealed record ClassificationMetrics(int Rows, double Accuracy, double MacroF1, double WeightedF1, IReadOnlyList<ClassMetrics> PerClass)
{
    public static ClassificationMetrics Compute(IReadOnlyList<(string Truth, string Predicted)> rows)
    {
        var classes = rows.Select(r => r.Truth).Concat(rows.Select(r => r.Predicted)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var perClass = new List<ClassMetrics>();
        foreach (var c in classes)
        {
            var tp = rows.Count(r => r.Truth == c && r.Predicted == c);
            var support = rows.Count(r => r.Truth == c);
            var predicted = rows.Count(r => r.Predicted == c);
            var p = predicted == 0 ? 0 : (double)tp / predicted;
            var rec = support == 0 ? 0 : (double)tp / support;
            perClass.Add(new ClassMetrics(c, support, predicted, p, rec, p + rec == 0 ? 0 : 2 * p * rec / (p + rec)));
        }
        var accuracy = rows.Count == 0 ? 0 : (double)rows.Count(r => r.Truth == r.Predicted) / rows.Count;
        var macro = perClass.Count == 0 ? 0 : perClass.Average(c => c.F1);
        var weighted = rows.Count == 0 ? 0 : perClass.Sum(c => c.F1 * c.Support) / rows.Count;
        return new ClassificationMetrics(rows.Count, accuracy, macro, weighted, perClass);
    }
}
