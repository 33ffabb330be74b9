using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Policies;

public class AutoApprovalTests
{
    private static readonly ApprovalPolicy Policy = PolicyTestData.Valid("""
        policy: auto
        base_currency: EUR
        rates: { USD: 0.5 }
        auto_approve: { max_amount: 250, max_duplicate_probability: 0.3, max_price_variance_pct: 15, exclude_categories: [IT], supplier_risk: [low, medium] }
        rules:
          - id: base
            steps: [ { name: owner, approvers: [ { cost_centre_owner: true } ] } ]
        """);

    [Fact]
    public void Within_every_limit_is_auto_approved_with_no_steps_and_no_matched_rules()
    {
        var decision = PolicyEvaluator.Route(Policy, PolicyTestData.Input(amount: 250m, supplierRisk: "medium", duplicate: 0.3, variance: 15));

        Assert.True(decision.AutoApproved);
        Assert.Empty(decision.Steps);
        Assert.Empty(decision.MatchedRules);
    }

    [Fact]
    public void Amount_limit_is_checked_in_base_currency()
    {
        Assert.True(PolicyEvaluator.Route(Policy, PolicyTestData.Input(amount: 500m, currency: "USD")).AutoApproved);
        Assert.False(PolicyEvaluator.Route(Policy, PolicyTestData.Input(amount: 500.02m, currency: "USD")).AutoApproved);
    }

    public static TheoryData<RoutingInput> Disqualified => new()
    {
        PolicyTestData.Input(amount: 250.01m),
        PolicyTestData.Input(amount: 10m, urgency: Urgency.Emergency),
        PolicyTestData.Input(amount: 10m, category: "it"),
        PolicyTestData.Input(amount: 10m, supplierRisk: "high"),
        PolicyTestData.Input(amount: 10m, duplicate: 0.31),
        PolicyTestData.Input(amount: 10m, variance: 15.01),
    };

    [Theory]
    [MemberData(nameof(Disqualified))]
    public void Any_failed_limit_routes_through_the_rules(RoutingInput input)
    {
        var decision = PolicyEvaluator.Route(Policy, input);

        Assert.False(decision.AutoApproved);
        Assert.Equal("owner", Assert.Single(decision.Steps).Name);
    }

    [Fact]
    public void Unscored_ai_signals_count_as_zero()
    {
        Assert.True(PolicyEvaluator.Route(Policy, PolicyTestData.Input(amount: 10m, duplicate: null, variance: null)).AutoApproved);
    }

    [Fact]
    public void Urgent_is_still_eligible_only_emergency_is_excluded()
    {
        Assert.True(PolicyEvaluator.Route(Policy, PolicyTestData.Input(amount: 10m, urgency: Urgency.Urgent)).AutoApproved);
    }
}
