using AiGovernance.Core.Policies;
using static AiGovernance.Core.Tests.Checks.CheckTestData;

namespace AiGovernance.Core.Tests.Checks;

public class BudgetPolicyTests
{
    [Fact]
    public void Without_a_budget_section_the_default_is_warn_with_no_maximum_age()
    {
        Assert.Equal(BudgetRule.Default, Policy().Budget);
        Assert.Equal(BudgetAction.Warn, BudgetRule.Default.OnInsufficient);
    }

    [Fact]
    public void The_budget_section_is_read()
    {
        var rule = Policy("budget: { on_insufficient: extra_approver, extra_approver: { user: u-karl }, max_snapshot_age: 36h }").Budget;

        Assert.Equal(new BudgetRule(BudgetAction.ExtraApprover, new ApproverSpec(ApproverKind.User, "u-karl"), TimeSpan.FromHours(36)), rule);
    }

    [Theory]
    [InlineData("budget: { on_insufficient: ignore }", "budget.on_insufficient", "'ignore' is not one of block, extra_approver, warn")]
    [InlineData("budget: { on_insufficient: extra_approver }", "budget.extra_approver", "needs extra_approver")]
    [InlineData("budget: { on_insufficient: block, extra_approver: { role: cfo } }", "budget.extra_approver", "only used with")]
    [InlineData("budget: { max_snapshot_age: soon }", "budget.max_snapshot_age", "not a duration")]
    [InlineData("budget: { on_insufficient: extra_approver, extra_approver: { cost_centre_owner: true } }", "budget.extra_approver", "{role: …} or {user: …}")]
    [InlineData("budget: { limit: 3 }", "budget.limit", "unknown key 'limit'")]
    public void Mistakes_in_the_budget_section_are_reported_with_their_path(string section, string path, string message)
    {
        var result = PolicyParser.Parse(Yaml(section));

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static string Yaml(string section) => $$"""
        policy: p
        base_currency: EUR
        rules:
          - id: base
            steps: [ { name: s, approvers: [ { role: approver } ] } ]
        {{section}}
        """;
}
