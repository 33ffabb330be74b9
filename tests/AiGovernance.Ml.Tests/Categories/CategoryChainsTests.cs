using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;
using AiGovernance.Ml.Categories;

namespace AiGovernance.Ml.Tests.Categories;

/// <summary>The chain comparison against the repository's default policy (policies/default.yaml), as the detector runs it.</summary>
public sealed class CategoryChainsTests
{
    private static readonly ApprovalPolicy Policy = LoadDefault();

    private static ApprovalPolicy LoadDefault()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "policies", "default.yaml");
            if (!File.Exists(path)) continue;
            var parsed = PolicyParser.Parse(File.ReadAllText(path));
            Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
            return parsed.Policy!;
        }
        throw new FileNotFoundException("policies/default.yaml not found above " + AppContext.BaseDirectory);
    }

    private static RoutingInput Input(decimal amount, string category, string risk = "low") =>
        new(amount, "EUR", category, "LE-EU", "CC-EU-PHARMA", risk, Urgency.Normal, null, null);

    [Fact]
    public void Laptops_coded_as_office_supplies_over_10k_would_gain_the_it_review()
    {
        var c = CategoryChains.Compare(Policy, Input(20_000m, "Office"), "IT", "u-david", "u-anna");

        Assert.True(c.ChangesChain);
        Assert.Equal(["owner-approval", "procurement-approval"], c.ChainNow.Select(s => s.Step));
        Assert.Equal(["owner-approval", "procurement-approval", "it-review"], c.ChainSuggested.Select(s => s.Step));
        Assert.Equal("it-review: role it_approver, role it_security (1 of 2)", c.ChainSuggested[2].Text);
        Assert.Equal("owner-approval: user u-david", c.ChainNow[0].Text);
        Assert.EndsWith("; adds it-review", c.Summary, StringComparison.Ordinal);
        Assert.StartsWith("routed via owner-approval (user u-david), procurement-approval (role procurement_ops) and it-review", c.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_the_policy_treats_alike_routes_the_same()
    {
        var c = CategoryChains.Compare(Policy, Input(20_000m, "Pharmaceuticals-ARV"), "Pharmaceuticals-ACT", "u-david", "u-anna");

        Assert.False(c.ChangesChain);
        Assert.Equal(c.ChainNow.Select(s => s.Text), c.ChainSuggested.Select(s => s.Text));
        Assert.Equal("routed the same (owner-approval (user u-david) and procurement-approval (role procurement_ops))", c.Summary);
    }

    [Fact]
    public void A_small_purchase_auto_approved_under_its_category_needs_an_owner_under_IT()
    {
        var c = CategoryChains.Compare(Policy, Input(200m, "Office"), "IT", "u-david", "u-anna");

        Assert.True(c.ChangesChain);
        Assert.True(c.AutoApprovedNow);
        Assert.False(c.AutoApprovedSuggested);
        Assert.Empty(c.ChainNow);
        Assert.Equal(["owner-approval"], c.ChainSuggested.Select(s => s.Step));
        Assert.Equal("routed via owner-approval (user u-david) instead of auto-approval; adds owner-approval", c.Summary);
    }
}
