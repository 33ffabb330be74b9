using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Tests.Policies;

public class ApprovalThresholdsTests
{
    [Fact]
    public void The_default_policy_asks_for_more_at_the_auto_approval_limit_and_at_each_amount_rule()
    {
        var thresholds = ApprovalThresholds.Of(PolicyTestData.DefaultPolicy());

        Assert.Contains(250m, thresholds);
        Assert.Contains(10000m, thresholds);
        Assert.Equal(thresholds.Order(), thresholds);
        Assert.Equal(thresholds.Distinct().Count(), thresholds.Count);
    }

    [Fact]
    public void A_rule_without_an_amount_lower_bound_adds_no_threshold()
    {
        var policy = PolicyTestData.Valid("""
            policy: p
            base_currency: EUR
            rules:
              - id: all
                steps: [ { name: base, approvers: [ { role: approver } ] } ]
              - id: small
                when: { amount: { lt: 500 } }
                steps: [ { name: a, approvers: [ { role: approver } ] } ]
              - id: big
                when: { amount: { gte: 5000 } }
                steps: [ { name: b, approvers: [ { role: approver } ] } ]
            """);

        Assert.Equal([5000m], ApprovalThresholds.Of(policy));
    }
}
