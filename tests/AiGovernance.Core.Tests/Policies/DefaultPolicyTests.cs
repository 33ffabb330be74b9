using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Policies;

public class DefaultPolicyTests
{
    [Fact]
    public void Default_policy_parses_without_errors()
    {
        var result = PolicyParser.Parse(PolicyTestData.DefaultYaml());

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Default_policy_has_the_documented_currencies_and_limits()
    {
        var policy = PolicyTestData.DefaultPolicy();

        Assert.Equal("EUR", policy.BaseCurrency);
        Assert.Equal(["CHF", "GBP", "USD"], policy.Rates.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(10000m, policy.AuthorityLimits["approver"]);
        Assert.Equal(50000m, policy.AuthorityLimits["procurement_ops"]);
        Assert.Equal(100000m, policy.AuthorityLimits["finance_manager"]);
        Assert.Equal(5000000m, policy.AuthorityLimits["cfo"]);
        Assert.Equal(250m, policy.AutoApproval!.MaxAmount);
        Assert.Contains(policy.Rules, r => r.When.IsEmpty);
    }

    [Fact]
    public void Default_policy_routes_a_mid_sized_office_order_to_the_cost_centre_owner_only()
    {
        var policy = PolicyTestData.DefaultPolicy();

        var decision = PolicyEvaluator.Route(policy, PolicyTestData.Input(amount: 4000m));

        var step = Assert.Single(decision.Steps);
        Assert.Equal("owner-approval", step.Name);
        Assert.Equal(new ApproverSpec(ApproverKind.CostCentreOwner, null), Assert.Single(step.Approvers));
        Assert.Equal(TimeSpan.FromHours(24), step.Sla);
    }

    [Fact]
    public void Default_policy_routes_a_large_risky_it_emergency_through_every_relevant_step_in_order()
    {
        var policy = PolicyTestData.DefaultPolicy();
        var input = PolicyTestData.Input(amount: 300000m, category: "Software", supplierRisk: "high",
            urgency: Urgency.Emergency, duplicate: 0.85, variance: 40);

        var decision = PolicyEvaluator.Route(policy, input);

        Assert.Equal(
            ["owner-approval", "supplier-risk-review", "procurement-review", "procurement-approval", "it-review", "finance-approval", "cfo-approval"],
            decision.Steps.Select(s => s.Name));
        Assert.Equal(StepMode.FirstResponder, decision.Steps[0].Mode);
        Assert.Equal(TimeSpan.FromHours(2), decision.Steps[0].Sla);
    }

    [Fact]
    public void Default_policy_auto_approves_a_small_clean_order_but_not_software()
    {
        var policy = PolicyTestData.DefaultPolicy();

        var office = PolicyEvaluator.Route(policy, PolicyTestData.Input(amount: 249.99m));
        var software = PolicyEvaluator.Route(policy, PolicyTestData.Input(amount: 249.99m, category: "Software"));

        Assert.True(office.AutoApproved);
        Assert.False(software.AutoApproved);
    }

    /// <summary>
    /// Authority limits bind the final approval, so every chain the default policy builds must end in
    /// a step whose approvers have enough authority — otherwise requisitions would get stuck.
    /// </summary>
    [Theory]
    [InlineData("Office", "low", Urgency.Normal)]
    [InlineData("IT", "low", Urgency.Normal)]
    [InlineData("Software", "high", Urgency.Normal)]
    [InlineData("Office", "high", Urgency.Emergency)]
    public void Default_policy_ends_every_chain_with_an_approver_who_has_the_authority(string category, string risk, Urgency urgency)
    {
        var policy = PolicyTestData.DefaultPolicy();
        foreach (var amount in new[] { 300m, 9_999m, 10_000.01m, 30_000m, 49_999m, 60_000m, 150_000m, 900_000m })
        {
            var decision = PolicyEvaluator.Route(policy, PolicyTestData.Input(amount: amount, category: category, supplierRisk: risk, urgency: urgency));
            if (decision.AutoApproved) continue;
            var final = decision.Steps[^1];
            // A cost-centre owner is an approver; a named user would need their roles, which the policy can't know.
            var best = final.Approvers.Max(a => a.Kind switch
            {
                ApproverKind.Role => policy.AuthorityLimitFor([a.Value!]) ?? 0m,
                ApproverKind.CostCentreOwner => policy.AuthorityLimitFor(["approver"]) ?? 0m,
                _ => decimal.MaxValue,
            });
            Assert.True(best >= decision.AmountInBase,
                $"{amount} {category}/{risk}/{urgency}: final step '{final.Name}' has authority {best}, needs {decision.AmountInBase}");
        }
    }
}
