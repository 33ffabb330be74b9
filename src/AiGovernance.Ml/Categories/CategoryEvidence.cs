using AiGovernance.Core.Text;
using System.Globalization;
using System.Text.Json.Serialization;
using AiGovernance.Ml.Duplicates;

namespace AiGovernance.Ml.Categories;

/// <summary>How often a key (a supplier, a word) was seen with each category in training: the total and the top categories.</summary>
public sealed record CategoryCounts(int Total, Dictionary<string, int> Top);

/// <summary>A frequent labelled training example, shown to a reviewer as "the nearest labelled example".</summary>
public sealed record CategoryExemplar(string Category, string Description, string? Supplier, int Count);

/// <summary>
/// The evidence a reviewer sees beside a suggestion, counted from the training data and stored in the model directory
/// (evidence.json): how the same supplier was coded before, which words of the description are most indicative of the
/// suggested category, and the nearest frequent labelled example of that category (character-trigram similarity, so
/// no embedding is needed to explain). Reasons are facts about the training data, not the classifier's internals.
/// </summary>
public sealed class CategoryEvidence
{
    public const int MaxTerms = 6000;
    public const int ExemplarsPerClass = 5;

    public Dictionary<string, int> ClassCounts { get; init; } = [];
    public Dictionary<string, CategoryCounts> Suppliers { get; init; } = [];
    public Dictionary<string, CategoryCounts> Terms { get; init; } = [];
    public List<CategoryExemplar> Exemplars { get; init; } = [];

    [JsonIgnore]
    public int Rows => ClassCounts.Values.Sum();

    public static CategoryEvidence Build(IReadOnlyList<CategoryExample> training)
    {
        var labelled = training.Where(e => !string.IsNullOrEmpty(e.Category)).ToList();
        var suppliers = Count(labelled.Where(e => !string.IsNullOrWhiteSpace(e.Supplier)).Select(e => (SupplierKey(e.Supplier), e.Category!)));
        var terms = Count(labelled.SelectMany(e => TextSimilarity.Tokens(e.Description).Where(IsTerm).Select(t => (t, e.Category!))));
        return new CategoryEvidence
        {
            ClassCounts = labelled.GroupBy(e => e.Category!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Suppliers = suppliers.Where(s => s.Value.Total >= 2).ToDictionary(StringComparer.Ordinal),
            Terms = terms.Where(t => t.Value.Total >= 2).OrderByDescending(t => t.Value.Total).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Take(MaxTerms).ToDictionary(StringComparer.Ordinal),
            Exemplars = [.. labelled.GroupBy(e => (e.Category!, e.Description, e.Supplier ?? ""))
                .Select(g => new CategoryExemplar(g.Key.Item1, g.Key.Description, g.Key.Item3.Length == 0 ? null : g.Key.Item3, g.Count()))
                .GroupBy(x => x.Category)
                .SelectMany(g => g.OrderByDescending(x => x.Count).ThenBy(x => x.Description, StringComparer.Ordinal).Take(ExemplarsPerClass))
                .OrderBy(x => x.Category, StringComparer.Ordinal)],
        };
    }

    /// <summary>Sentences supporting (or speaking against) <paramref name="category"/> for this example, strongest first.</summary>
    public IReadOnlyList<string> Reasons(CategoryExample example, string category)
    {
        var inv = CultureInfo.InvariantCulture;
        var reasons = new List<string>();
        if (!string.IsNullOrWhiteSpace(example.Supplier) && Suppliers.TryGetValue(SupplierKey(example.Supplier), out var s))
        {
            var n = s.Top.GetValueOrDefault(category);
            var (mostly, count) = s.Top.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value)).First();
            reasons.Add(n > 0
                ? string.Format(inv, "supplier '{0}' was coded '{1}' in {2} of {3} training rows", example.Supplier, category, n, s.Total)
                : string.Format(inv, "supplier '{0}': '{1}' is not among its usual categories in {2} training rows (mostly '{3}', {4})", example.Supplier, category, s.Total, mostly, count));
        }
        var prior = ClassCounts.GetValueOrDefault(category) / (double)Math.Max(1, Rows);
        var terms = TextSimilarity.Tokens(example.Description).Where(IsTerm)
            .Select(t => (Term: t, Counts: Terms.GetValueOrDefault(t)))
            .Where(t => t.Counts is not null && t.Counts.Top.GetValueOrDefault(category) >= 2)
            .Select(t => (t.Term, t.Counts!.Total, N: t.Counts.Top[category], Share: t.Counts.Top[category] / (double)t.Counts.Total))
            .Where(t => t.Share > prior)
            .OrderByDescending(t => t.Share).ThenByDescending(t => t.N).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(3).ToList();
        if (terms.Count > 0)
            reasons.Add("indicative words: " + string.Join(", ", terms.Select(t => string.Format(inv, "'{0}' ({1} of {2} training rows with it were '{3}')", t.Term.ToLowerInvariant(), t.N, t.Total, category))));
        var text = example.EmbeddingText;
        var nearest = Exemplars.Where(x => x.Category == category)
            .Select(x => (x, Similarity: TextSimilarity.TrigramDice(text.ToUpperInvariant(), Text(x).ToUpperInvariant())))
            .OrderByDescending(x => x.Similarity).ThenByDescending(x => x.x.Count).FirstOrDefault();
        if (nearest.x is not null)
            reasons.Add(string.Format(inv, "nearest labelled example of '{0}': '{1}' ({2} training rows, similarity {3:0.00})", category, Text(nearest.x), nearest.x.Count, nearest.Similarity));
        return reasons;
    }

    private static string Text(CategoryExemplar x) => string.IsNullOrWhiteSpace(x.Supplier) ? x.Description : $"{x.Supplier} — {x.Description}";

    public static string SupplierKey(string? supplier)
    {
        var normalized = SupplierNameNormalizer.Normalize(supplier);
        return normalized.Length > 0 ? normalized : (supplier ?? "").Trim().ToUpperInvariant();
    }

    // Numbers and one-letter tokens say little about a category and would crowd the table.
    private static bool IsTerm(string t) => t.Length >= 3 && !t.All(char.IsDigit);

    private static Dictionary<string, CategoryCounts> Count(IEnumerable<(string Key, string Category)> pairs) =>
        pairs.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            var byCategory = g.GroupBy(p => p.Category, StringComparer.Ordinal).Select(c => (c.Key, N: c.Count()))
                .OrderByDescending(c => c.N).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
            return new CategoryCounts(g.Count(), byCategory.Take(3).ToDictionary(c => c.Key, c => c.N, StringComparer.Ordinal));
        }, StringComparer.Ordinal);
}
