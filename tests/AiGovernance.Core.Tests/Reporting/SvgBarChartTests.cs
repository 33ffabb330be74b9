using AiGovernance.Core.Reporting;

namespace AiGovernance.Core.Tests.Reporting;

public class SvgBarChartTests
{
    [Fact]
    public void Bars_are_scaled_to_the_largest_value_and_every_value_is_in_the_accessible_label()
    {
        var svg = SvgBarChart.Render("Override rate", [("duplicate-detector", 0.5), ("price <variance>", 0.25)], "0%");

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("width=\"360\"", svg, StringComparison.Ordinal);
        Assert.Contains("width=\"180\"", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Override rate: duplicate-detector: 50%; price &lt;variance&gt;: 25%\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<variance>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void No_bars_says_no_data()
    {
        Assert.Contains("no data", SvgBarChart.Render("Empty", []), StringComparison.Ordinal);
    }
}
