using AiGovernance.Api.Pages.Requisitions;

namespace AiGovernance.Api.Tests.Workspace;

/// <summary>Which fields the side-by-side view highlights as matching (a pure function, no host).</summary>
public sealed class DuplicateComparisonTests
{
    [Theory]
    [InlineData("INV-2026-00417", "INV202600417", true)]
    [InlineData("Trinity Biotech, Plc", "trinity biotech plc", true)]
    [InlineData("3,768.00", "3,768.00", true)]
    [InlineData("3,768.00", "3,786.00", false)]
    [InlineData("Uni-Gold HIV rapid test kits, 20 tests per kit", "HIV rapid test kit Uni-Gold (20 tests/kit)", false)]
    [InlineData("—", "—", false)]
    public void Fields_match_when_they_agree_apart_from_case_spacing_and_punctuation(string a, string b, bool match) =>
        Assert.Equal(match, DuplicateComparison.Same(a, b));
}
