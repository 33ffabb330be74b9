using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace AiGovernance.Ml.Categories;

/// <summary>The classifier's input row: the texts, the label (empty when predicting) and the MiniLM vector (zeros without an embedder).</summary>
public sealed class CategoryRow
{
    public const int EmbeddingSize = 384;

    public string Description { get; set; } = "";
    public string Supplier { get; set; } = "";
    public string Label { get; set; } = "";

    /// <summary>Training weight (class balancing); ignored when predicting.</summary>
    public float Weight { get; set; } = 1f;

    [VectorType(EmbeddingSize)]
    public float[] Embedding { get; set; } = new float[EmbeddingSize];

    public static CategoryRow From(CategoryExample e, float[]? embedding, float weight = 1f) => new()
    {
        Weight = weight,
        Description = e.Description,
        Supplier = e.Supplier ?? "",
        Label = e.Category ?? "",
        Embedding = embedding is { Length: EmbeddingSize } ? embedding : new float[EmbeddingSize],
    };
}

/// <summary>What the fitted pipeline returns per row.</summary>
public sealed class CategoryOutput
{
    public float[] Score { get; set; } = [];
    public string PredictedLabel { get; set; } = "";
}

/// <summary>
/// The feature pipeline every candidate shares: word 1–2-grams and character 3-grams of the description, words and
/// character 3-grams of the supplier name (each capped, so the model file stays small), and the 384-d sentence
/// embedding of "supplier — description". N-grams catch codes and drug/product names the embedding blurs; the
/// embedding generalizes to wordings never seen in training.
/// </summary>
public static class CategoryFeatures
{
    public const int MaxDescriptionNgrams = 6000;
    public const int MaxSupplierNgrams = 4000;

    public static IEstimator<ITransformer> Pipeline(MLContext ml, IEstimator<ITransformer> trainer) =>
        ml.Transforms.Conversion.MapValueToKey("Label", "Label")
            .Append(ml.Transforms.Text.FeaturizeText("DescriptionFeatures", TextOptions(MaxDescriptionNgrams, wordNgrams: 2), "Description"))
            .Append(ml.Transforms.Text.FeaturizeText("SupplierFeatures", TextOptions(MaxSupplierNgrams, wordNgrams: 1), "Supplier"))
            .Append(ml.Transforms.Concatenate("Features", "DescriptionFeatures", "SupplierFeatures", "Embedding"))
            .Append(trainer)
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel", "PredictedLabel"));

    private static TextFeaturizingEstimator.Options TextOptions(int maxNgrams, int wordNgrams) => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        StopWordsRemoverOptions = new StopWordsRemovingEstimator.Options { Language = TextFeaturizingEstimator.Language.English },
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = wordNgrams, UseAllLengths = true, MaximumNgramsCount = [.. Enumerable.Repeat(maxNgrams / 2 / wordNgrams, wordNgrams)] },
        CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false, MaximumNgramsCount = [maxNgrams / 2] },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };
}
