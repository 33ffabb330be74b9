using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace AiGovernance.Ml.PriceVariance;

/// <summary>One row of the sparse-history regression: what is known about a line before its price.</summary>
public sealed class PriceRegressionInput
{
    public string Item { get; set; } = "";
    public string Supplier { get; set; } = "";
    public string Category { get; set; } = "";
    public string Description { get; set; } = "";
    public string Dimension { get; set; } = "";
    /// <summary>ln(1 + quantity in base units): bulk lines are cheaper per unit.</summary>
    public float LogQuantity { get; set; }
    /// <summary>ln(base units per line unit): the per-unit price of a big pack is lower.</summary>
    public float LogPackFactor { get; set; }
    /// <summary>Fractional year, for price trends.</summary>
    public float Year { get; set; }
    /// <summary>ln(unit price per base unit).</summary>
    public float Label { get; set; }
}

public sealed class PriceRegressionOutput
{
    public float Score { get; set; }
}

/// <summary>
/// The ML.NET regression used when an item has too little history for a median: ln(price per base unit) from
/// category, supplier, item, description words, quantity, pack size and date.
/// </summary>
public static class PriceRegression
{
    public static PriceRegressionInput ToInput(PriceLine line, UnitOfMeasure uom) => new()
    {
        Item = line.Item.Trim().ToUpperInvariant(),
        Supplier = line.Supplier.Trim().ToLowerInvariant(),
        Category = line.Category?.Trim().ToLowerInvariant() ?? "",
        Description = line.Description ?? "",
        Dimension = uom.Dimension,
        LogQuantity = (float)Math.Log(1 + (double)(line.Quantity * uom.Factor)),
        LogPackFactor = (float)Math.Log((double)uom.Factor),
        Year = line.Date.Year + (line.Date.DayOfYear - 1) / 365f,
        Label = line.UnitPrice > 0 ? (float)Math.Log((double)UnitNormalizer.PerBaseUnit(line.UnitPrice, uom)) : float.NaN,
    };

    public static PriceRegressionInput ToInput(PriceLine line) => ToInput(line, UnitNormalizer.Parse(line.Uom));

    /// <summary>Features shared by every trainer; min-max normalization matters only to SDCA but costs trees nothing.</summary>
    public static IEstimator<ITransformer> Featurizer(MLContext ml) =>
        ml.Transforms.Categorical.OneHotHashEncoding("ItemFeatures", nameof(PriceRegressionInput.Item), numberOfBits: 12)
            .Append(ml.Transforms.Categorical.OneHotHashEncoding("SupplierFeatures", nameof(PriceRegressionInput.Supplier), numberOfBits: 10))
            .Append(ml.Transforms.Categorical.OneHotEncoding("CategoryFeatures", nameof(PriceRegressionInput.Category)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("DimensionFeatures", nameof(PriceRegressionInput.Dimension)))
            .Append(ml.Transforms.Text.FeaturizeText("DescriptionFeatures", new TextFeaturizingEstimator.Options
            {
                CharFeatureExtractor = null,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(PriceRegressionInput.Description)))
            .Append(ml.Transforms.Concatenate("Features", "ItemFeatures", "SupplierFeatures", "CategoryFeatures", "DimensionFeatures",
                "DescriptionFeatures", nameof(PriceRegressionInput.LogQuantity), nameof(PriceRegressionInput.LogPackFactor), nameof(PriceRegressionInput.Year)))
            .Append(ml.Transforms.NormalizeMinMax("Features"));
}
