using AiGovernance.Ml.Categories;

namespace AiGovernance.Ml.Tests.Categories;

public sealed class CategorySuggestionTests
{
    private static readonly CategorySuggestionOptions Options = new(Threshold: 0.7, GivenMaxProbability: 0.05);

    private static CategoryPrediction Prediction(params (string Category, double P)[] probabilities) =>
        new("test", [.. probabilities.OrderByDescending(p => p.P).Select(p => new CategoryScore(p.Category, p.P, [$"evidence for {p.Category}"]))],
            probabilities.ToDictionary(p => p.Category, p => p.P));

    public static TheoryData<string, string?, double, double, double, CategorySuggestionKind, string?> Cases => new()
    {
        // case, given, p(Materials), p(Consultants Fees), p(Grants), expected kind, expected category
        { "none given, confident", null, 0.90, 0.06, 0.04, CategorySuggestionKind.Suggest, "Materials" },
        { "blank given counts as none", "  ", 0.90, 0.06, 0.04, CategorySuggestionKind.Suggest, "Materials" },
        { "none given, exactly at threshold", null, 0.70, 0.20, 0.10, CategorySuggestionKind.Suggest, "Materials" },
        { "none given, not confident", null, 0.50, 0.30, 0.20, CategorySuggestionKind.None, null },
        { "given agrees with top", "Materials", 0.90, 0.06, 0.04, CategorySuggestionKind.None, null },
        { "given agrees, other case and spaces", " materials ", 0.90, 0.06, 0.04, CategorySuggestionKind.None, null },
        { "given looks wrong", "Grants", 0.90, 0.08, 0.02, CategorySuggestionKind.Change, "Materials" },
        { "given at the low limit is still wrong", "Grants", 0.90, 0.05, 0.05, CategorySuggestionKind.Change, "Materials" },
        { "given is plausible", "Consultants Fees", 0.75, 0.20, 0.05, CategorySuggestionKind.None, null },
        { "top not confident enough to challenge", "Grants", 0.65, 0.33, 0.02, CategorySuggestionKind.None, null },
        { "given unknown to the model is not judged", "Catering", 0.95, 0.03, 0.02, CategorySuggestionKind.None, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_from_the_given_category_and_the_prediction(string name, string? given, double materials, double consultants, double grants,
        CategorySuggestionKind kind, string? category)
    {
        var prediction = Prediction(("Materials", materials), ("Consultants Fees", consultants), ("Grants", grants));

        var decision = CategorySuggestion.Decide(given, prediction, Options);

        Assert.True(kind == decision.Kind, $"{name}: expected {kind}, got {decision.Kind} ({decision.Reason})");
        Assert.Equal(category, decision.Category);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
        if (kind == CategorySuggestionKind.None) Assert.Empty(decision.Evidence);
        else Assert.Contains($"evidence for {category}", decision.Evidence);
    }

    [Fact]
    public void A_change_names_the_given_category_its_probability_and_the_suggestion()
    {
        var decision = CategorySuggestion.Decide("Grants", Prediction(("Materials", 0.9), ("Grants", 0.01), ("Consultants Fees", 0.09)), Options);

        Assert.Equal(CategorySuggestionKind.Change, decision.Kind);
        Assert.Equal("Grants", decision.GivenCategory);
        Assert.Equal(0.01, decision.GivenProbability);
        Assert.Equal(0.9, decision.Probability);
        Assert.Equal("given category 'Grants' looks wrong (p = 0.01); suggested 'Materials' (p = 0.90)", decision.Reason);
    }

    [Fact]
    public void An_empty_prediction_suggests_nothing()
    {
        var decision = CategorySuggestion.Decide(null, new CategoryPrediction("test", [], new Dictionary<string, double>()), Options);

        Assert.Equal(CategorySuggestionKind.None, decision.Kind);
        Assert.Null(decision.Category);
    }
}
