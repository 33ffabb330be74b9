using AiGovernance.Ml.Categories;
using AiGovernance.Ml.Embeddings;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Ml.Tests.Categories;

public sealed class ShippedCategoryModelTests
{
    private static string ModelsRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "models", ModelRegistry.FileName))) return Path.Combine(dir.FullName, "models");
        throw new DirectoryNotFoundException($"models/{ModelRegistry.FileName} was not found above {AppContext.BaseDirectory}");
    }

    /// <summary>The Oxford model the bench wrote (kept in the registry, not active: the demo tenant's categories are not Oxford's).</summary>
    private const string OxfordVersion = "2026-11-29.1";

    [Fact]
    public async Task The_active_category_model_knows_the_demo_tenants_categories_and_challenges_a_test_kit_coded_as_a_drug()
    {
        var registry = new ModelRegistry(ModelsRoot());
        var version = registry.ActiveVersion("category");
        Assert.NotNull(version);
        var model = CategoryModel.Load(registry.DirectoryOf("category", version));
        Assert.Equal(["Diagnostics-HIV", "Diagnostics-Malaria", "Pharmaceuticals-ACT", "Pharmaceuticals-ARV", "Pharmaceuticals-Antimalarial"], model.Classes.Order(StringComparer.Ordinal));
        using var embedder = new MiniLmEmbedder();

        var prediction = await model.PredictAsync(new CategoryExample("t", "HIV 1/2, Determine Complete HIV Kit, 100 Tests", "Orgenics, Ltd", null), embedder);
        var decision = CategorySuggestion.Decide("Pharmaceuticals-ARV", prediction);

        Assert.Equal(CategorySuggestionKind.Change, decision.Kind);
        Assert.Equal("Diagnostics-HIV", decision.Category);
        Assert.Contains(decision.Evidence, r => r.Contains("supplier 'Orgenics, Ltd'", StringComparison.Ordinal));
        Assert.Equal(CategorySuggestionKind.None, CategorySuggestion.Decide("Pharmaceuticals", prediction).Kind); // a code it never saw is not judged
    }

    [Fact]
    public async Task The_oxford_category_model_loads_and_recognises_a_later_oxford_payment_with_reasons()
    {
        var registry = new ModelRegistry(ModelsRoot());
        var model = CategoryModel.Load(registry.DirectoryOf("category", OxfordVersion));
        Assert.Equal("all-MiniLM-L6-v2", model.EmbeddingModel);
        var payment = CategoryDataSources.ReadOxford(CategoryData.Root)
            .First(e => e.Date >= CategoryDataSources.OxfordTestFrom && e.Category == "Vehicle Excise Licences");
        using var embedder = new MiniLmEmbedder();

        var prediction = await model.PredictAsync(payment with { Category = null }, embedder, top: 3);

        Assert.Equal("Vehicle Excise Licences", prediction.Best!.Category);
        // The Post Office is paid for vehicle excise and for fuel, so the probability is split between the two (about 0.6 / 0.4).
        Assert.True(prediction.ProbabilityOf("Materials") <= 0.05, string.Join(" | ", prediction.Top.Select(t => $"{t.Category} {t.Probability}")));
        Assert.Contains(prediction.Best.Reasons, r => r.Contains($"supplier '{payment.Supplier}'", StringComparison.Ordinal));
        Assert.Equal(CategorySuggestionKind.None, CategorySuggestion.Decide("Materials", prediction).Kind); // default 0.70: not confident enough
        var decision = CategorySuggestion.Decide("Materials", prediction, new CategorySuggestionOptions(Threshold: 0.5, GivenMaxProbability: 0.05));
        Assert.Equal(CategorySuggestionKind.Change, decision.Kind);
        Assert.Equal("Vehicle Excise Licences", decision.Category);
    }
}
