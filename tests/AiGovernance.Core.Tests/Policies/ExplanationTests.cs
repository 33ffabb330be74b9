using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Policies;

/// <summary>The explanation is what reviewers and auditors read, so its exact wording is tested.</summary>
public class ExplanationTests
{
    private static readonly ApprovalPolicy Policy = PolicyTestData.Valid("""
        policy: explain
        base_currency: EUR
        rates: { USD: 0.92 }
        auto_approve: { max_amount: 500, max_duplicate_probability: 0.3, max_price_variance_pct: 15, exclude_categories: [IT], supplier_risk: [low] }
        rules:
          - id: it-over-10k
            when: { amount: { gte: 10000 }, category: [IT, Software] }
            steps: [ { name: owner, approvers: [ { role: it_approver } ] } ]
          - id: base
            steps: [ { name: owner, approvers: [ { cost_centre_owner: true } ] } ]
          - id: dup
            when: { duplicate_probability: { gte: 0.8, lte: 1 } }
            stop: true
            steps: [ { name: review, approvers: [ { role: procurement_ops } ] } ]
        """);

    [Fact]
    public void Rule_matches_are_explained_in_order_with_their_reasons()
    {
        var decision = PolicyEvaluator.Route(Policy, PolicyTestData.Input(amount: 12500m, category: "IT"));

        Assert.Equal(
            "not auto-approved: amount 12,500.00 EUR > 500.00, category IT is excluded. "
            + "rule it-over-10k matched: amount 12,500.00 EUR ≥ 10,000.00; category IT in [IT, Software]. "
            + "rule base matched: always; step owner already added by an earlier rule.",
            decision.Explanation);
        Assert.Equal(["amount 12,500.00 EUR ≥ 10,000.00", "category IT in [IT, Software]"], decision.MatchedRules[0].Reasons);
        Assert.Equal(["always"], decision.MatchedRules[1].Reasons);
    }

    [Fact]
    public void Auto_approval_is_explained()
    {
        var decision = PolicyEvaluator.Route(Policy, PolicyTestData.Input(amount: 120m));

        Assert.Equal("auto-approved: amount 120.00 EUR ≤ 500.00, supplier risk low in [low], no AI flags", decision.Explanation);
    }

    [Fact]
    public void Auto_approval_mentions_ai_scores_that_were_within_limits()
    {
        var decision = PolicyEvaluator.Route(Policy, PolicyTestData.Input(amount: 120m, duplicate: 0.12, variance: 3.5));

        Assert.EndsWith("duplicate probability 0.12 ≤ 0.30, price variance 3.50% ≤ 15.00%", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Conversion_emergency_ai_flags_and_stop_are_all_explained()
    {
        var input = PolicyTestData.Input(amount: 400m, currency: "USD", urgency: Urgency.Emergency, duplicate: 0.9);

        var decision = PolicyEvaluator.Route(Policy, input);

        Assert.Equal(
            "400.00 USD = 368.00 EUR at rate 0.92. "
            + "not auto-approved: urgency emergency is never auto-approved, duplicate probability 0.90 > 0.30. "
            + "rule base matched: always. "
            + "rule dup matched: duplicate probability 0.90 ≥ 0.80 and ≤ 1.00; stop: later rules not evaluated.",
            decision.Explanation);
    }
}
