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

    [Fact]
    public async Task The_active_category_model_loads_and_recognises_a_later_oxford_payment_with_reasons()
    {
        var registry = new ModelRegistry(ModelsRoot());
        var version = registry.ActiveVersion("category");
        Assert.NotNull(version);
        var model = CategoryModel.Load(registry.DirectoryOf("category", version));
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
