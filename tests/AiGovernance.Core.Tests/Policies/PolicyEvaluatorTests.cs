using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Policies;

public class PolicyEvaluatorTests
{
    private const string Rules = """
        policy: routing
        base_currency: EUR
        rates: { USD: 0.5 }
        rules:
          - id: base
            steps: [ { name: owner, approvers: [ { cost_centre_owner: true } ] } ]
          - id: gte-10k
            when: { amount: { gte: 10000 } }
            steps: [ { name: senior, approvers: [ { role: approver } ] } ]
          - id: gt-50k
            when: { amount: { gt: 50000 } }
            steps: [ { name: finance, approvers: [ { role: finance_manager } ] }, { name: senior, approvers: [ { role: x } ] } ]
          - id: dup
            when: { duplicate_probability: { gte: 0.8 } }
            steps: [ { name: review, approvers: [ { role: procurement_ops } ] } ]
          - id: variance
            when: { price_variance_pct: { gte: 25 } }
            steps: [ { name: review, approvers: [ { role: procurement_ops } ] } ]
          - id: it
            when: { category: [IT], cost_centre: [CC-9], legal_entity: [DE01], supplier_risk: [high], urgency: [urgent] }
            stop: true
            steps: [ { name: it, approvers: [ { role: it_approver } ] } ]
          - id: after-stop
            steps: [ { name: never, approvers: [ { role: nobody } ] } ]
        """;

    private static readonly ApprovalPolicy Policy = PolicyTestData.Valid(Rules);

    private static string[] StepNames(RoutingInput input) => [.. PolicyEvaluator.Route(Policy, input).Steps.Select(s => s.Name)];

    [Theory]
    [InlineData(9999.99, new[] { "owner", "never" })]
    [InlineData(10000.00, new[] { "owner", "senior", "never" })]
    [InlineData(50000.00, new[] { "owner", "senior", "never" })]
    [InlineData(50000.01, new[] { "owner", "senior", "finance", "never" })]
    public void Amount_thresholds_are_inclusive_for_gte_and_exclusive_for_gt(decimal amount, string[] expected)
    {
        Assert.Equal(expected, StepNames(PolicyTestData.Input(amount: amount)));
    }

    [Fact]
    public void Thresholds_apply_to_the_amount_converted_to_base_currency()
    {
        var decision = PolicyEvaluator.Route(Policy, PolicyTestData.Input(amount: 19999.99m, currency: "USD"));

        Assert.Equal(10000.00m, decision.AmountInBase);   // 9,999.995 rounds away from zero
        Assert.Equal("EUR", decision.BaseCurrency);
        Assert.Contains("senior", decision.Steps.Select(s => s.Name));
    }

    [Fact]
    public void A_step_name_already_contributed_is_skipped_and_the_first_definition_wins()
    {
        var decision = PolicyEvaluator.Route(Policy, PolicyTestData.Input(amount: 60000m));

        var senior = Assert.Single(decision.Steps, s => s.Name == "senior");
        Assert.Equal("approver", senior.Approvers[0].Value);
        Assert.Equal(["base", "gte-10k", "gt-50k", "after-stop"], decision.MatchedRules.Select(r => r.RuleId));
    }

    [Fact]
    public void Both_ai_signals_add_the_shared_review_step_once()
    {
        Assert.Equal(["owner", "review", "never"], StepNames(PolicyTestData.Input(duplicate: 0.8, variance: 25)));
        Assert.Equal(["owner", "review", "never"], StepNames(PolicyTestData.Input(duplicate: 0.1, variance: 30)));
        Assert.Equal(["owner", "never"], StepNames(PolicyTestData.Input(duplicate: 0.79, variance: 24.99)));
    }

    [Fact]
    public void A_missing_ai_signal_does_not_satisfy_a_condition_on_it()
    {
        Assert.Equal(["owner", "never"], StepNames(PolicyTestData.Input(duplicate: null, variance: null)));
    }

    [Fact]
    public void A_matching_stop_rule_ends_evaluation()
    {
        var input = PolicyTestData.Input(category: "it", costCentre: "CC-9", supplierRisk: "HIGH", urgency: Urgency.Urgent);

        var decision = PolicyEvaluator.Route(Policy, input);

        Assert.Equal(["owner", "it"], decision.Steps.Select(s => s.Name));
        Assert.Equal(["base", "it"], decision.MatchedRules.Select(r => r.RuleId));
    }

    [Theory]
    [InlineData("Office", "CC-9", "high", Urgency.Urgent)]
    [InlineData("IT", "CC-1", "high", Urgency.Urgent)]
    [InlineData("IT", "CC-9", "medium", Urgency.Urgent)]
    [InlineData("IT", "CC-9", "high", Urgency.Normal)]
    public void Every_condition_of_a_rule_must_hold(string category, string costCentre, string risk, Urgency urgency)
    {
        var names = StepNames(PolicyTestData.Input(category: category, costCentre: costCentre, supplierRisk: risk, urgency: urgency));

        Assert.DoesNotContain("it", names);
        Assert.Contains("never", names);
    }

    [Fact]
    public void Matched_rules_carry_one_reason_per_condition()
    {
        var input = PolicyTestData.Input(category: "IT", costCentre: "CC-9", supplierRisk: "high", urgency: Urgency.Urgent);

        var it = PolicyEvaluator.Route(Policy, input).MatchedRules.Single(r => r.RuleId == "it");

        Assert.Equal(
            ["category IT in [IT]", "legal entity DE01 in [DE01]", "cost centre CC-9 in [CC-9]", "supplier risk high in [high]", "urgency urgent in [urgent]"],
            it.Reasons);
    }

    [Fact]
    public void Unknown_currency_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => PolicyEvaluator.Route(Policy, PolicyTestData.Input(currency: "GBP")));

        Assert.Equal("unknown_currency", ex.Code);
    }

    [Fact]
    public void A_non_finite_ai_score_is_refused_rather_than_silently_ignored()
    {
        var ex = Assert.Throws<DomainException>(() => PolicyEvaluator.Route(Policy, PolicyTestData.Input(duplicate: double.NaN)));

        Assert.Equal("invalid_ai_signal", ex.Code);
    }
}
