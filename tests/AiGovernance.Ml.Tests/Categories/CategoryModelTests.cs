using AiGovernance.Ml.Categories;

namespace AiGovernance.Ml.Tests.Categories;

/// <summary>One small model on real USAID lines (held-out items), trained once without embeddings to keep the tests fast.</summary>
public sealed class UsaidCategoryFixture
{
    public UsaidCategoryFixture()
    {
        Split = CategoryDataSources.UsaidItemSplit(CategoryDataSources.ReadUsaid(CategoryData.Root), 0.3, maxTrain: 1200, seed: 7);
        Result = CategoryTraining.Train(Split.Train, _ => null, null, CategorySweep.Candidates(5, 7, quick: true), folds: 3, seed: 7, "test-usaid");
        Predictions = Result.Model.PredictMany(Split.Test, _ => null);
    }

    public CategorySplit Split { get; }
    public CategoryTrainingResult Result { get; }
    public IReadOnlyList<CategoryPrediction> Predictions { get; }
}

public sealed class CategoryModelTests(UsaidCategoryFixture fixture) : IClassFixture<UsaidCategoryFixture>
{
    [Fact]
    public void Held_out_items_are_never_in_training()
    {
        var trained = fixture.Split.Train.Select(e => e.Description).ToHashSet();

        Assert.NotEmpty(fixture.Split.Test);
        Assert.DoesNotContain(fixture.Split.Test, e => trained.Contains(e.Description));
        Assert.Equal(5, fixture.Split.Test.Select(e => e.Category).Distinct().Count());
    }

    [Fact]
    public void Beats_the_majority_baseline_on_held_out_usaid_items()
    {
        var majority = CategoryBaselines.Majority(fixture.Split.Train);
        var model = ClassificationMetrics.Compute([.. fixture.Split.Test.Select((e, i) => (e.Category!, fixture.Predictions[i].Best!.Category))]);
        var baseline = ClassificationMetrics.Compute([.. fixture.Split.Test.Select(e => (e.Category!, majority(e)))]);

        Assert.True(model.MacroF1 >= baseline.MacroF1 + 0.2, $"model macro-F1 {model.MacroF1:0.000} vs majority {baseline.MacroF1:0.000}");
        Assert.True(model.Accuracy > baseline.Accuracy + 0.05, $"model accuracy {model.Accuracy:0.000} vs majority {baseline.Accuracy:0.000}");
        Assert.True(model.PerClass.Single(c => c.Category == "HRDT").F1 > 0.9, "HIV test kits are recognised from their descriptions");
    }

    [Fact]
    public void Beats_the_majority_baseline_on_later_oxford_payments()
    {
        var split = CategoryDataSources.OxfordTimeSplit(CategoryDataSources.ReadOxford(CategoryData.Root), minTrainRows: 50, maxTrain: 2000, maxTest: 800, seed: 7);
        var result = CategoryTraining.Train(split.Train, _ => null, null, CategorySweep.Candidates(60, 7, quick: true), folds: 3, seed: 7, "test-oxford");
        var predicted = result.Model.PredictMany(split.Test, _ => null);
        var majority = CategoryBaselines.Majority(split.Train);

        var model = ClassificationMetrics.Compute([.. split.Test.Select((e, i) => (e.Category!, predicted[i].Best!.Category))]);
        var baseline = ClassificationMetrics.Compute([.. split.Test.Select(e => (e.Category!, majority(e)))]);

        Assert.All(split.Test, e => Assert.True(e.Date >= CategoryDataSources.OxfordTestFrom));
        Assert.All(split.Train, e => Assert.True(e.Date < CategoryDataSources.OxfordTestFrom));
        Assert.True(model.Accuracy > baseline.Accuracy + 0.2, $"model accuracy {model.Accuracy:0.000} vs majority {baseline.Accuracy:0.000}");
        Assert.True(model.MacroF1 > baseline.MacroF1 + 0.1, $"model macro-F1 {model.MacroF1:0.000} vs majority {baseline.MacroF1:0.000}");
    }

    [Fact]
    public void Top_k_probabilities_are_ordered_and_sum_to_one_over_all_classes()
    {
        var p = fixture.Result.Model.Predict(fixture.Split.Test[0], null, top: 3);

        Assert.Equal(3, p.Top.Count);
        Assert.True(p.Top[0].Probability >= p.Top[1].Probability && p.Top[1].Probability >= p.Top[2].Probability);
        Assert.Equal(1.0, p.Probabilities.Values.Sum(), 3);
        Assert.Equal(5, p.Probabilities.Count);
    }

    [Fact]
    public void Reasons_name_real_training_evidence()
    {
        // An unseen HIV test kit from a vendor that is in the training data.
        static string Key(CategoryExample e) => CategoryEvidence.SupplierKey(e.Supplier);
        var trainVendors = fixture.Split.Train.Where(e => e.Category == "HRDT").GroupBy(Key).Where(g => g.Count() >= 2).Select(g => g.Key).ToHashSet();
        var example = fixture.Split.Test.First(e => e.Category == "HRDT" && trainVendors.Contains(Key(e)));

        var p = fixture.Result.Model.Predict(example, null);
        var reasons = p.Best!.Reasons;

        Assert.Equal("HRDT", p.Best.Category);
        var supplierReason = Assert.Single(reasons, r => r.StartsWith($"supplier '{example.Supplier}' was coded 'HRDT' in ", StringComparison.Ordinal));
        var n = fixture.Split.Train.Count(e => Key(e) == Key(example) && e.Category == "HRDT");
        var total = fixture.Split.Train.Count(e => Key(e) == Key(example));
        Assert.Equal($"supplier '{example.Supplier}' was coded 'HRDT' in {n} of {total} training rows", supplierReason);
        var nearest = Assert.Single(reasons, r => r.StartsWith("nearest labelled example of 'HRDT': ", StringComparison.Ordinal));
        Assert.Contains(fixture.Split.Train, e => e.Category == "HRDT" && nearest.Contains($"'{e.EmbeddingText}'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("indicative words: ", StringComparison.Ordinal) && r.Contains("were 'HRDT')", StringComparison.Ordinal));
    }

    [Fact]
    public void Save_and_load_round_trip_gives_the_same_probabilities_and_reasons()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"category-model-{Guid.NewGuid():N}");
        try
        {
            var result = fixture.Result;
            CategoryModelWriter.Write(dir, result,
                new CategoryDataDescription("USAID SCMS", "US-government open data", "item description", "product group", fixture.Split.Note, result.Rows, fixture.Split.Test.Count, 0, 0),
                [new CategoryMethodMetrics("classifier", ClassificationMetrics.Compute([("ARV", "ARV")]))], CategorySuggestionOptions.Default, ["test limit"]);

            var loaded = CategoryModel.Load(dir);

            Assert.Equal("test-usaid", loaded.Version);
            Assert.Equal(result.Model.Classes, loaded.Classes);
            Assert.Null(loaded.EmbeddingModel);
            foreach (var e in fixture.Split.Test.Take(20))
            {
                var before = result.Model.Predict(e, null, top: 2);
                var after = loaded.Predict(e, null, top: 2);
                Assert.Equal(before.Top.Select(t => (t.Category, t.Probability)), after.Top.Select(t => (t.Category, t.Probability)));
                Assert.Equal(before.Top[0].Reasons, after.Top[0].Reasons);
            }
            Assert.Contains("# Category suggestion classifier — test-usaid", File.ReadAllText(Path.Combine(dir, "card.md")));
            Assert.Contains("\"kind\": \"category\"", File.ReadAllText(Path.Combine(dir, "metrics.json")));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void A_directory_without_model_files_fails_clearly()
    {
        var dir = Directory.CreateTempSubdirectory("category-empty").FullName;
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => CategoryModel.Load(dir));
            Assert.Contains("model.zip", ex.Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
