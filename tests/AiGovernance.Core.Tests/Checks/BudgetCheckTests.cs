using AiGovernance.Core.Checks;
using AiGovernance.Core.Policies;
using static AiGovernance.Core.Tests.Checks.CheckTestData;

namespace AiGovernance.Core.Tests.Checks;

public class BudgetCheckTests
{
    private const string Block = "budget: { on_insufficient: block }";
    private const string Extra = "budget: { on_insufficient: extra_approver, extra_approver: { role: finance_manager } }";

    [Fact]
    public void An_amount_that_fits_the_remaining_budget_passes_under_every_policy()
    {
        foreach (var section in new[] { "", Block, Extra })
        {
            var result = BudgetCheck.Evaluate(Policy(section), 600m, "CC-1", "2026", Budget(1000m, committed: 400m), Now);
            Assert.Equal((null, null, 0, null), (result.Rejection, result.Hold, result.Flags.Count, result.ExtraStep));
        }
    }

    [Fact]
    public void Insufficient_without_a_budget_section_warns()
    {
        var result = BudgetCheck.Evaluate(Policy(), 600.01m, "CC-1", "2026", Budget(1000m, committed: 400m), Now);

        var flag = Assert.Single(result.Flags);
        Assert.Equal(CheckCodes.BudgetInsufficient, flag.Code);
        Assert.Equal("600.01 EUR exceeds the remaining budget of CC-1 2026: 600.00 EUR (1,000.00 EUR budget, 400.00 EUR committed)", flag.Text);
        Assert.Null(result.Rejection);
        Assert.Null(result.ExtraStep);
    }

    [Fact]
    public void Insufficient_under_block_rejects()
    {
        var result = BudgetCheck.Evaluate(Policy(Block), 5000m, "CC-1", "2026", Budget(1000m), Now);

        Assert.Equal(CheckCodes.BudgetInsufficient, result.Rejection?.Code);
        Assert.Empty(result.Flags);
    }

    [Fact]
    public void Insufficient_under_extra_approver_adds_a_24h_budget_override_step_and_flags()
    {
        var result = BudgetCheck.Evaluate(Policy(Extra), 5000m, "CC-1", "2026", Budget(1000m), Now);

        Assert.Null(result.Rejection);
        Assert.Equal(BudgetRule.OverrideStepName, result.ExtraStep?.Name);
        Assert.Equal(TimeSpan.FromHours(24), result.ExtraStep?.Sla);
        Assert.Equal(new ApproverSpec(ApproverKind.Role, "finance_manager"), Assert.Single(result.ExtraStep!.Approvers));
        Assert.Equal(CheckCodes.BudgetInsufficient, Assert.Single(result.Flags).Code);
    }

    [Fact]
    public void A_missing_budget_row_counts_as_insufficient()
    {
        var result = BudgetCheck.Evaluate(Policy(Block), 1m, "CC-1", "2027", null, Now);

        Assert.StartsWith("no budget for CC-1 2027", result.Rejection?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_budget_in_another_currency_is_converted_with_the_policy_rate()
    {
        // 1000 USD at 0.5 = 500 EUR available.
        Assert.Null(BudgetCheck.Evaluate(Policy(Block), 500m, "CC-1", "2026", Budget(1000m, currency: "USD"), Now).Rejection);
        Assert.NotNull(BudgetCheck.Evaluate(Policy(Block), 500.01m, "CC-1", "2026", Budget(1000m, currency: "USD"), Now).Rejection);
        Assert.Contains("no rate", BudgetCheck.Evaluate(Policy(Block), 1m, "CC-1", "2026", Budget(1000m, currency: "JPY"), Now).Rejection?.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_older_than_the_maximum_age_holds_and_flags_without_judging_the_amount()
    {
        var policy = Policy("budget: { on_insufficient: block, max_snapshot_age: 7d }");

        var stale = BudgetCheck.Evaluate(policy, 5000m, "CC-1", "2026", Budget(1000m, age: TimeSpan.FromDays(8)), Now);
        var fresh = BudgetCheck.Evaluate(policy, 500m, "CC-1", "2026", Budget(1000m, age: TimeSpan.FromDays(7)), Now);

        Assert.Equal(CheckCodes.BudgetSnapshotStale, stale.Hold?.Code);
        Assert.Equal(CheckCodes.BudgetSnapshotStale, Assert.Single(stale.Flags).Code);
        Assert.Null(stale.Rejection);
        Assert.Equal((null, null), (fresh.Hold, fresh.Rejection));
    }

    [Fact]
    public void Without_a_maximum_age_old_snapshots_are_trusted()
    {
        var result = BudgetCheck.Evaluate(Policy(), 1m, "CC-1", "2026", Budget(1000m, age: TimeSpan.FromDays(400)), Now);

        Assert.Null(result.Hold);
    }

    [Fact]
    public void Period_is_the_needed_by_year_or_this_year()
    {
        Assert.Equal("2027", BudgetPeriod.For(new DateOnly(2027, 1, 3), Today));
        Assert.Equal("2026", BudgetPeriod.For(null, Today));
    }
}
