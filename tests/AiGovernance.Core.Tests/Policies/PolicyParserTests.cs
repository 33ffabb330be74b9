using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Policies;

/// <summary>What a valid document turns into.</summary>
public class PolicyParserTests
{
    private const string Yaml = """
        policy: sample
        base_currency: EUR
        rates: { USD: 0.92 }
        rules:
          - id: base
            description: Owner approves
            steps:
              - name: owner
                approvers: [ { cost_centre_owner: true }, { user: u-42 } ]
                sla: 30m
                escalate_to: { role: procurement_ops }
          - id: panel
            when:
              amount: { gte: 10000, lt: 50000 }
              category: { in: [IT, Software] }
              legal_entity: DE01
              urgency: [urgent, Emergency]
              supplier_risk: [HIGH]
              duplicate_probability: { gte: 0.8 }
              price_variance_pct: { gt: -5 }
            stop: true
            steps:
              - { name: vote, mode: parallel, approvers: [ {role: a}, {role: b}, {role: c} ], sla: P1DT12H }
              - { name: vote-2, mode: parallel, quorum: 2, approvers: [ {role: a}, {role: b}, {role: c} ] }
              - { name: anyone, mode: first_responder, approvers: [ {role: a}, {role: b} ], sla: 2d }
        """;

    [Fact]
    public void Steps_get_normalised_quorums_defaults_and_durations()
    {
        var policy = PolicyTestData.Valid(Yaml);

        var owner = policy.Rules[0].Steps[0];
        Assert.Equal(StepMode.Sequential, owner.Mode);
        Assert.Equal(2, owner.Quorum);
        Assert.Equal([new ApproverSpec(ApproverKind.CostCentreOwner, null), new ApproverSpec(ApproverKind.User, "u-42")], owner.Approvers);
        Assert.Equal(TimeSpan.FromMinutes(30), owner.Sla);
        Assert.Equal(new ApproverSpec(ApproverKind.Role, "procurement_ops"), owner.EscalateTo);

        var steps = policy.Rules[1].Steps;
        Assert.Equal((3, TimeSpan.FromHours(36)), (steps[0].Quorum, steps[0].Sla));
        Assert.Equal(2, steps[1].Quorum);
        Assert.Equal((StepMode.FirstResponder, 1, TimeSpan.FromDays(2)), (steps[2].Mode, steps[2].Quorum, steps[2].Sla));
        Assert.Null(steps[1].Sla);
    }

    [Fact]
    public void Conditions_accept_list_shorthand_long_form_and_single_values()
    {
        var rule = PolicyTestData.Valid(Yaml).Rules[1];

        Assert.Equal("base", PolicyTestData.Valid(Yaml).Rules[0].Id);
        Assert.True(PolicyTestData.Valid(Yaml).Rules[0].When.IsEmpty);
        Assert.True(rule.Stop);
        Assert.Equal(new ValueRange(10000m, null, null, 50000m), rule.When.Amount);
        Assert.Equal(["IT", "Software"], rule.When.Categories!);
        Assert.Equal(["DE01"], rule.When.LegalEntities!);
        Assert.Equal([Urgency.Urgent, Urgency.Emergency], rule.When.Urgencies!);
        Assert.Equal(["high"], rule.When.SupplierRiskTiers!);
        Assert.Equal(0.8m, rule.When.DuplicateProbability!.Gte);
        Assert.Equal(-5m, rule.When.PriceVariancePct!.Gt);
        Assert.Null(rule.When.CostCentres);
    }

    [Fact]
    public void Top_level_values_are_read()
    {
        var policy = PolicyTestData.Valid(Yaml);

        Assert.Equal("sample", policy.Name);
        Assert.Equal(0.92m, policy.Rates["USD"]);
        Assert.Empty(policy.AuthorityLimits);
        Assert.Null(policy.AutoApproval);
        Assert.Equal("Owner approves", policy.Rules[0].Description);
        Assert.Null(policy.Rules[1].Description);
    }

    [Fact]
    public void Auto_approval_omitted_limits_default_to_the_strict_end()
    {
        var policy = PolicyTestData.Valid("""
            policy: p
            base_currency: EUR
            auto_approve: { max_amount: 100 }
            rules: [ { id: base, steps: [ { name: s, approvers: [ {role: a} ] } ] } ]
            """);

        var auto = policy.AutoApproval!;
        Assert.Equal((100m, 0d, 0d), (auto.MaxAmount, auto.MaxDuplicateProbability, auto.MaxPriceVariancePct));
        Assert.Empty(auto.ExcludedCategories);
        Assert.Equal(["low"], auto.AllowedSupplierRiskTiers);
    }
}
