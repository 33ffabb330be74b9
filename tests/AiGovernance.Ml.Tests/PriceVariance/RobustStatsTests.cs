using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Ml.Tests.PriceVariance;

public class RobustStatsTests
{
    [Fact]
    public void Median_of_odd_and_even_counts()
    {
        Assert.Equal(3, RobustStats.Median([5, 1, 3]));
        Assert.Equal(2.5, RobustStats.Median([4, 1, 3, 2]));
    }

    [Fact]
    public void One_decimal_shift_in_the_history_moves_neither_median_nor_mad_much()
    {
        double[] clean = [10.0, 10.2, 10.5, 10.4, 9.9, 10.1, 10.3];
        double[] withShift = [10.0, 10.2, 10.5, 10.4, 9.9, 10.1, 103.0];

        Assert.Equal(RobustStats.Median(clean), RobustStats.Median(withShift), 1);
        Assert.True(RobustStats.Mad(withShift) < 0.5, $"MAD {RobustStats.Mad(withShift)}");
    }

    [Fact]
    public void Mad_is_the_median_absolute_deviation()
    {
        // deviations from median 3: 2, 1, 0, 1, 6 → median 1
        Assert.Equal(1, RobustStats.Mad([1, 2, 3, 4, 9]));
    }

    [Fact]
    public void Robust_z_scales_mad_to_sigma_and_is_infinite_for_a_different_price_on_a_fixed_list()
    {
        Assert.Equal(2 / 1.4826, RobustStats.RobustZ(5, 3, 1), 6);
        Assert.Equal(double.PositiveInfinity, RobustStats.RobustZ(2.95, 2.55, 0));
        Assert.Equal(0, RobustStats.RobustZ(2.55, 2.55, 0));
    }

    [Fact]
    public void Nearest_supported_level_ignores_prices_seen_once()
    {
        double[] sorted = [Math.Log(0.85), Math.Log(0.85), Math.Log(0.85), Math.Log(1.25), Math.Log(1.25), Math.Log(4.00)];

        var level = RobustStats.NearestSupportedLevel(sorted, Math.Log(1.26), tolerance: 0.02, minSupport: 2);
        var lonely = RobustStats.NearestSupportedLevel(sorted, Math.Log(4.0), tolerance: 0.02, minSupport: 2);

        Assert.Equal(Math.Log(1.25), level!.Value, 9);
        Assert.Equal(Math.Log(1.25), lonely!.Value, 9); // 4.00 was seen once: the nearest usual price is 1.25
        Assert.Null(RobustStats.NearestSupportedLevel(sorted, 1, 0.02, minSupport: 4));
    }
}
