using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Ml.Tests.PriceVariance;

public class UnitNormalizerTests
{
    [Theory]
    [InlineData(null, "count", 1)]
    [InlineData("", "count", 1)]
    [InlineData("EA", "count", 1)]
    [InlineData("each", "count", 1)]
    [InlineData("pack of 30", "count", 30)]
    [InlineData("PK/12", "count", 12)]
    [InlineData("PK30", "count", 30)]
    [InlineData("Box of 100", "count", 100)]
    [InlineData("case 24", "count", 24)]
    [InlineData("30-pack", "count", 30)]
    [InlineData("dozen", "count", 12)]
    [InlineData("30", "count", 30)]
    [InlineData("500 ml", "volume", 500)]
    [InlineData("1 L", "volume", 1000)]
    [InlineData("kg", "mass", 1000)]
    [InlineData("2.5kg", "mass", 2500)]
    [InlineData("6 x 500 ml", "volume", 3000)]
    public void Parses_units_to_a_dimension_and_base_unit_factor(string? uom, string dimension, double factor)
    {
        var parsed = UnitNormalizer.Parse(uom);

        Assert.Equal(dimension, parsed.Dimension);
        Assert.Equal((decimal)factor, parsed.Factor);
    }

    [Fact]
    public void Unknown_units_only_compare_with_the_same_text()
    {
        var bolt = UnitNormalizer.Parse("Bolt");

        Assert.Equal("uom:bolt", bolt.Dimension);
        Assert.NotEqual(UnitNormalizer.Parse("each").Dimension, bolt.Dimension);
    }

    [Fact]
    public void A_pack_price_and_a_unit_price_of_the_same_item_normalize_to_the_same_base_price()
    {
        var perPack = UnitNormalizer.PerBaseUnit(29.00m, UnitNormalizer.Parse("pack of 30"));
        var perEach = UnitNormalizer.PerBaseUnit(0.9667m, UnitNormalizer.Parse("each"));

        Assert.Equal(0.9667m, decimal.Round(perPack, 4));
        Assert.Equal(perEach, decimal.Round(perPack, 4));
        Assert.Equal(0.5m, UnitNormalizer.PerBaseUnit(500m, UnitNormalizer.Parse("kg"))); // per gram
    }

    [Theory]
    [InlineData("PACK OF 72 RETROSPOT CAKE CASES", 72)]
    [InlineData("SET OF 6 SPICE TINS PANTRY DESIGN", 6)]
    [InlineData("WHITE HANGING HEART T-LIGHT HOLDER", null)]
    [InlineData("PACK OF 1 ODD ITEM", null)]
    public void Reads_the_pack_size_in_a_description(string description, int? expected) =>
        Assert.Equal(expected, UnitNormalizer.PackSizeInDescription(description));
}
