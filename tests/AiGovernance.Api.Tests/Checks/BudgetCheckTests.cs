using System.Net;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Core.Checks;
using static AiGovernance.Api.Tests.Checks.CheckTestSupport;

namespace AiGovernance.Api.Tests.Checks;

[Collection(ApiCollection.Name)]
public sealed class BudgetCheckTests(ApiFixture fixture)
{
    [Fact]
    public async Task Insufficient_budget_under_block_rejects_with_the_reason()
    {
        var tenant = await fixture.CreateTenantAsync(Policy("budget: { on_insufficient: block }"));
        await tenant.ErpBudgetAsync(amount: 10_000m, committed: 6_000m, version: 1);

        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(4_000.01m));

        Assert.Equal("rejected", req.Status());
        var flag = Assert.Single((await tenant.StoredChecksAsync(req)).Flags);
        Assert.Equal(CheckCodes.BudgetInsufficient, flag.Code);
        Assert.Contains("4,000.01 EUR exceeds the remaining budget of CC-EU-PHARMA", flag.Text, StringComparison.Ordinal);
        Assert.Single(await tenant.LogAsync("check_rejected", req.Number()));
        // Exactly the remaining amount still fits.
        Assert.Equal("pending_approval", (await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(4_000m))).Status());
    }

    [Fact]
    public async Task Insufficient_budget_under_extra_approver_appends_a_budget_override_step()
    {
        var tenant = await fixture.CreateTenantAsync(Policy("budget: { on_insufficient: extra_approver, extra_approver: { role: finance_manager } }"));
        await tenant.ErpBudgetAsync(amount: 1_000m, version: 1);
        using var david = tenant.As("u-david");
        using var karl = tenant.As("u-karl");

        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(2_500m));

        Assert.Equal("pending_approval", req.Status());
        var steps = req.GetProperty("steps").Items().ToList();
        Assert.Equal(["owner-approval", "budget-override"], steps.Select(s => s.Str("name")));
        Assert.Equal("role finance_manager", steps[1].GetProperty("approvers")[0].Str("approver"));
        Assert.Equal([CheckCodes.BudgetInsufficient], (await tenant.StoredChecksAsync(req)).Flags.Codes());
        Assert.Single(await tenant.LogAsync("check_flagged", req.Number()));

        (await david.DecideAsync(req, "approve", 0)).EnsureSuccessStatusCode();
        Assert.Equal(req.Id(), Assert.Single((await karl.QueueAsync()).Items()).GetProperty("requisition_id").GetGuid());
        (await karl.DecideAsync(req, "approve", 1)).EnsureSuccessStatusCode();
        Assert.Equal("approved", (await david.GetRequisitionAsync(req)).Status());
    }

    [Fact]
    public async Task Insufficient_budget_under_warn_flags_and_continues()
    {
        var tenant = await fixture.CreateTenantAsync(Policy("budget: { on_insufficient: warn }"));
        await tenant.ErpBudgetAsync(amount: 100m, version: 1);

        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(2_500m));

        Assert.Equal("pending_approval", req.Status());
        Assert.Single(req.GetProperty("steps").Items());
        var (holds, flags) = await tenant.StoredChecksAsync(req);
        Assert.Empty(holds);
        Assert.Equal([CheckCodes.BudgetInsufficient], flags.Codes());
    }

    [Fact]
    public async Task A_missing_budget_row_is_insufficient()
    {
        var tenant = await fixture.CreateTenantAsync(Policy("budget: { on_insufficient: block }"));
        var body = TestApi.Requisition(10m);
        body["needed_by"] = $"{DateTime.UtcNow.Year + 3}-06-30";

        var req = await tenant.As("u-anna").SubmitAsync(body);

        Assert.Equal("rejected", req.Status());
        Assert.StartsWith($"no budget for CC-EU-PHARMA {DateTime.UtcNow.Year + 3}", Assert.Single((await tenant.StoredChecksAsync(req)).Flags).Text,
            StringComparison.Ordinal);

        // The ERP can announce a budget for a new period; it is created with the event's version.
        var period = (DateTime.UtcNow.Year + 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("applied", (await tenant.ErpBudgetAsync(amount: 5_000m, version: 1, period: period)).Status);
        var rows = await (await tenant.As("u-felix").GetAsync($"/api/budgets?cost_centre=CC-EU-PHARMA&period={period}")).ReadAsync(HttpStatusCode.OK);
        var row = Assert.Single(rows.Items());
        Assert.Equal((5_000m, 0m, 1L), (row.GetProperty("amount").GetDecimal(), row.GetProperty("committed").GetDecimal(), row.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task A_stale_budget_snapshot_holds_until_a_fresh_snapshot_arrives()
    {
        var tenant = await fixture.CreateTenantAsync(Policy("budget: { on_insufficient: block, max_snapshot_age: 7d }"));
        await tenant.ErpBudgetAsync(amount: 50_000m, version: 3, snapshotAt: DateTimeOffset.UtcNow.AddDays(-10));
        using var anna = tenant.As("u-anna");

        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        Assert.Equal("on_hold", req.Status());
        var (holds, flags) = await tenant.StoredChecksAsync(req);
        Assert.Equal([CheckCodes.BudgetSnapshotStale], holds.Codes());
        Assert.Equal([CheckCodes.BudgetSnapshotStale], flags.Codes());

        var outOfOrder = await tenant.ErpBudgetAsync(amount: 50_000m, version: 2);
        Assert.Equal("stale_version", outOfOrder.Status);
        Assert.Equal("on_hold", (await anna.GetRequisitionAsync(req)).Status());

        var fresh = await tenant.ErpBudgetAsync(amount: 50_000m, version: 4);

        Assert.Equal("released", Assert.Single(fresh.Requisitions).Outcome);
        Assert.Equal("pending_approval", (await anna.GetRequisitionAsync(req)).Status());
        Assert.Empty((await tenant.StoredChecksAsync(req)).Holds);
        Assert.Single(await tenant.LogAsync("hold_released", req.Number()));
        Assert.Equal(2, (await tenant.LogAsync("budget_updated")).Count);
        await tenant.AssertLogVerifiesAsync();
    }

    [Fact]
    public async Task Final_approval_commits_the_amount_against_the_budget()
    {
        var tenant = await fixture.CreateTenantAsync();
        await tenant.ErpBudgetAsync(amount: 20_000m, committed: 500m, version: 1);
        using var david = tenant.As("u-david");
        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(1_200m));
        Assert.Equal(500m, (await tenant.BudgetAsync()).GetProperty("committed").GetDecimal());

        (await david.DecideAsync(req, "approve", 0)).EnsureSuccessStatusCode();

        var budget = await tenant.BudgetAsync();
        Assert.Equal((1_700m, 18_300m), (budget.GetProperty("committed").GetDecimal(), budget.GetProperty("available").GetDecimal()));
        var entry = Assert.Single(await tenant.LogAsync("budget_committed"));
        Assert.Equal(("budget", $"CC-EU-PHARMA/{Period}"), (entry.Str("subject_type"), entry.Str("subject_id")));
        Assert.Equal(req.Number(), entry.GetProperty("payload").Str("requisition"));
        await tenant.AssertLogVerifiesAsync();
        Assert.Equal(1_200m, entry.GetProperty("payload").GetProperty("committed_amount").GetDecimal());
    }

    [Fact]
    public async Task Budgets_are_readable_by_finance_roles_only_and_filters_are_validated()
    {
        var tenant = await fixture.CreateTenantAsync();

        await (await tenant.As("u-anna").GetAsync("/api/budgets")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await tenant.As("u-hannah").GetAsync("/api/budgets?period=" + new string('9', 21))).ValidationErrorsAsync("period");
        var all = await (await tenant.As("u-david").GetAsync("/api/budgets")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(5, all.GetArrayLength());
    }
}
