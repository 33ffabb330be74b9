using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Tests.Policies;

/// <summary>Each test breaks one thing in an otherwise valid policy and checks the error's position and wording.</summary>
public class PolicyValidationTests
{
    private const string Header = "policy: p\nbase_currency: EUR\n";

    private static string WithRules(string rules) => Header + "rules:\n" + rules;

    private const string CatchAll = "  - id: base\n    steps: [ { name: owner, approvers: [ { cost_centre_owner: true } ] } ]\n";

    [Fact]
    public void Yaml_syntax_error_reports_the_scanner_position()
    {
        var error = PolicyTestData.SingleError("policy: p\nbase_currency: EUR\n  extra: indented\nrules: []\n");

        Assert.Equal((3, 8), (error.Line, error.Column));
        Assert.StartsWith("invalid YAML:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_yaml_key_is_a_syntax_error_on_the_second_key()
    {
        var error = PolicyTestData.SingleError("policy: p\npolicy: q\nbase_currency: EUR\n" + "rules:\n" + CatchAll);

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("Duplicate key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_document_is_rejected()
    {
        var error = PolicyTestData.SingleError("# nothing here\n");

        Assert.Equal("the policy document is empty", error.Message);
    }

    [Fact]
    public void Missing_required_keys_are_all_reported()
    {
        var result = PolicyParser.Parse("rates: { USD: 0.9 }\n");

        Assert.Equal(["policy", "base_currency", "rules"], result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.StartsWith("the policy document is missing required key", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_key_names_the_allowed_keys_at_the_key_position()
    {
        var error = PolicyTestData.SingleError(WithRules("  - id: base\n    stepz: []\n    steps: [ { name: s, approvers: [ {role: a} ] } ]\n"));

        Assert.Equal((5, 5), (error.Line, error.Column));
        Assert.Equal("rules[0].stepz", error.Path);
        Assert.Equal("unknown key 'stepz' in a rule; allowed: id, description, when, steps, stop", error.Message);
    }

    [Fact]
    public void Quorum_above_approver_count_gives_the_documented_message()
    {
        var yaml = WithRules(CatchAll + """
              - id: it-over-10k
                when: { amount: { gte: 10000 } }
                steps:
                  - name: it-review
                    mode: parallel
                    quorum: 3
                    approvers: [ {role: it_approver}, {role: approver} ]

            """);

        var error = PolicyTestData.SingleError(yaml);

        Assert.Equal("line 11, column 17: rules[1].steps[0].quorum: quorum 3 exceeds the 2 approvers of step 'it-review'", error.ToString());
    }

    [Theory]
    [InlineData("sequential")]
    [InlineData("first_responder")]
    public void Quorum_on_a_non_parallel_step_is_rejected(string mode)
    {
        var error = PolicyTestData.SingleError(WithRules($"  - id: base\n    steps: [ {{ name: s, mode: {mode}, quorum: 1, approvers: [ {{role: a}} ] }} ]\n"));

        Assert.Equal("rules[0].steps[0].quorum", error.Path);
        Assert.StartsWith("quorum applies only to parallel steps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quorum_below_one_is_rejected()
    {
        var error = PolicyTestData.SingleError(WithRules("  - id: base\n    steps: [ { name: s, mode: parallel, quorum: 0, approvers: [ {role: a} ] } ]\n"));

        Assert.Equal("quorum must be at least 1, got 0", error.Message);
    }

    [Fact]
    public void Unknown_mode_lists_the_allowed_modes()
    {
        var error = PolicyTestData.SingleError(WithRules("  - id: base\n    steps:\n      - name: s\n        mode: whoever\n        approvers: [ {role: a} ]\n"));

        Assert.Equal((7, 15), (error.Line, error.Column));
        Assert.Equal("unknown mode 'whoever'; allowed: sequential, parallel, first_responder", error.Message);
    }

    [Theory]
    [InlineData("{ role: a, user: b }", "expected exactly one of role, user, cost_centre_owner")]
    [InlineData("{ cost_centre_owner: false }", "cost_centre_owner must be true")]
    [InlineData("{ team: ops }", "unknown key 'team'")]
    [InlineData("approver", "expected an approver")]
    [InlineData("{ role: '' }", "must not be empty")]
    public void Bad_approver_specs_are_rejected(string approver, string expected)
    {
        var error = PolicyTestData.SingleError(WithRules($"  - id: base\n    steps: [ {{ name: s, approvers: [ {approver} ] }} ]\n"));

        Assert.Equal(5, error.Line);
        Assert.StartsWith("rules[0].steps[0].approvers[0]", error.Path, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5x")]
    [InlineData("24")]
    [InlineData("0h")]
    [InlineData("P1Q")]
    public void Bad_durations_are_rejected(string sla)
    {
        var error = PolicyTestData.SingleError(WithRules($"  - id: base\n    steps:\n      - name: s\n        approvers: [ {{role: a}} ]\n        sla: {sla}\n"));

        Assert.Equal((8, 14), (error.Line, error.Column));
        Assert.Equal("rules[0].steps[0].sla", error.Path);
    }

    [Fact]
    public void Escalation_without_an_sla_is_rejected()
    {
        var error = PolicyTestData.SingleError(WithRules("  - id: base\n    steps: [ { name: s, approvers: [ {role: a} ], escalate_to: { role: b } } ]\n"));

        Assert.Equal("rules[0].steps[0].escalate_to", error.Path);
        Assert.Contains("needs an 'sla'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_rule_ids_point_at_the_second_one_and_name_the_first_line()
    {
        var error = PolicyTestData.SingleError(WithRules(CatchAll + CatchAll));

        Assert.Equal((6, 9), (error.Line, error.Column));
        Assert.Equal("duplicate rule id 'base' (first used on line 4)", error.Message);
    }

    [Fact]
    public void Duplicate_step_names_within_a_rule_are_rejected()
    {
        var error = PolicyTestData.SingleError(WithRules("  - id: base\n    steps:\n      - { name: s, approvers: [ {role: a} ] }\n      - { name: s, approvers: [ {role: b} ] }\n"));

        Assert.Equal((7, 17), (error.Line, error.Column));
        Assert.Equal("duplicate step name 's' in this rule (first used on line 6)", error.Message);
    }

    [Fact]
    public void Empty_steps_are_rejected()
    {
        var error = PolicyTestData.SingleError(WithRules("  - id: base\n    steps: []\n"));

        Assert.Equal("rules[0].steps", error.Path);
        Assert.Equal("a rule needs at least one step", error.Message);
    }

    [Theory]
    [InlineData("Base")]
    [InlineData("-base")]
    [InlineData("it_over_10k")]
    public void Rule_ids_must_be_lower_kebab_case(string id)
    {
        var error = PolicyTestData.SingleError(WithRules($"  - id: {id}\n    steps: [ {{ name: s, approvers: [ {{role: a}} ] }} ]\n"));

        Assert.Equal("rules[0].id", error.Path);
        Assert.Contains("must be lower-case letters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_without_a_catch_all_rule_is_rejected()
    {
        var error = PolicyTestData.SingleError(WithRules("  - id: big\n    when: { amount: { gt: 10 } }\n    steps: [ { name: s, approvers: [ {role: a} ] } ]\n"));

        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.Equal("rules", error.Path);
        Assert.StartsWith("no catch-all rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_after_an_unconditional_stop_are_unreachable()
    {
        var yaml = WithRules("  - id: base\n    stop: true\n    steps: [ { name: s, approvers: [ {role: a} ] } ]\n"
            + "  - id: later\n    steps: [ { name: t, approvers: [ {role: a} ] } ]\n");

        var error = PolicyTestData.SingleError(yaml);

        Assert.Equal(("rules[1]", 7), (error.Path, error.Line));
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amount: { gte: 500, lte: 100 }", "rules[1].when.amount", "empty range: gte 500 and lte 100 can never both hold")]
    [InlineData("amount: { gt: 100, lt: 100 }", "rules[1].when.amount", "empty range: gt 100 and lt 100 can never both hold")]
    [InlineData("amount: { gte: -1 }", "rules[1].when.amount.gte", "must not be negative, got -1")]
    [InlineData("amount: { gte: 1, gt: 2 }", "rules[1].when.amount.gt", "use either gte or gt, not both")]
    [InlineData("amount: {}", "rules[1].when.amount", "a range needs at least one of gte, gt, lte, lt")]
    [InlineData("amount: { gte: lots }", "rules[1].when.amount.gte", "expected a number, got 'lots'")]
    [InlineData("duplicate_probability: { gte: 1.5 }", "rules[1].when.duplicate_probability.gte", "probability must be between 0 and 1, got 1.5")]
    [InlineData("supplier_risk: [low, severe]", "rules[1].when.supplier_risk[1]", "unknown value 'severe' in supplier risk tiers; allowed: low, medium, high")]
    [InlineData("urgency: [asap]", "rules[1].when.urgency[0]", "unknown value 'asap' in urgencies; allowed: normal, urgent, emergency")]
    [InlineData("category: []", "rules[1].when.category", "an empty list of categories matches nothing; remove the condition to match everything")]
    [InlineData("colour: [red]", "rules[1].when.colour", "unknown key 'colour' in conditions; allowed: amount, category, legal_entity, cost_centre, supplier_risk, urgency, duplicate_probability, price_variance_pct")]
    public void Bad_conditions_are_rejected_at_the_conditions_line(string condition, string path, string message)
    {
        var yaml = WithRules(CatchAll + $"  - id: r\n    when: {{ {condition} }}\n    steps: [ {{ name: s, approvers: [ {{role: a}} ] }} ]\n");

        var error = PolicyTestData.SingleError(yaml);

        Assert.Equal((7, path, message), (error.Line, error.Path, error.Message));
    }

    [Theory]
    [InlineData("base_currency: eur", 2, "base_currency", "currency code 'eur' must be 3 upper-case letters (ISO 4217), e.g. EUR")]
    [InlineData("rates: { usd: 0.9 }", 3, "rates.usd", "currency code 'usd' must be 3 upper-case letters (ISO 4217), e.g. EUR")]
    [InlineData("rates: { USD: -0.9 }", 3, "rates.USD", "rate must be greater than 0, got -0.9")]
    [InlineData("rates: { EUR: 2 }", 3, "rates.EUR", "EUR is the base currency; its rate is always 1")]
    [InlineData("authority_limits: { approver: -5 }", 3, "authority_limits.approver", "authority limit must not be negative, got -5")]
    [InlineData("auto_approve: { max_amount: -1 }", 3, "auto_approve.max_amount", "must not be negative, got -1")]
    [InlineData("auto_approve: { max_amount: 1, max_duplicate_probability: 2 }", 3, "auto_approve.max_duplicate_probability", "probability must be between 0 and 1, got 2")]
    [InlineData("auto_approve: { max_amount: 1, supplier_risk: [none] }", 3, "auto_approve.supplier_risk[0]", "unknown value 'none' in supplier risk tiers; allowed: low, medium, high")]
    [InlineData("auto_approve: { max_duplicate_probability: 0.1 }", 3, "auto_approve.max_amount", "auto_approve is missing required key 'max_amount'")]
    public void Bad_top_level_values_are_rejected(string line, int expectedLine, string path, string message)
    {
        var yaml = "policy: p\n" + (line.StartsWith("base_currency", StringComparison.Ordinal) ? line + "\n" : "base_currency: EUR\n" + line + "\n")
            + "rules:\n" + CatchAll;

        var error = PolicyTestData.SingleError(yaml);

        Assert.Equal((expectedLine, path, message), (error.Line, error.Path, error.Message));
    }

    [Fact]
    public void All_errors_are_collected_in_document_order()
    {
        var yaml = """
            policy: p
            base_currency: EURO
            rules:
              - id: base
                steps:
                  - { name: s, mode: parallel, quorum: 5, approvers: [ {role: a} ] }
                  - { name: t, approvers: [ {role: a} ], sla: soon }

            """;

        var errors = PolicyParser.Parse(yaml).Errors;

        Assert.Equal([2, 6, 7], errors.Select(e => e.Line));
        Assert.Equal(["base_currency", "rules[0].steps[0].quorum", "rules[0].steps[1].sla"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Multiple_documents_are_rejected()
    {
        var error = PolicyTestData.SingleError(WithRules(CatchAll) + "---\npolicy: other\n");

        Assert.Equal(7, error.Line);
        Assert.Contains("exactly one YAML document", error.Message, StringComparison.Ordinal);
    }
}
