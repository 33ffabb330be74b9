using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Data.Checks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Features.Budgets;

/// <summary>Budgets per cost centre and period: the ERP's snapshot plus what approvals committed since.</summary>
public static class BudgetsApi
{
    public static RouteGroupBuilder MapBudgetsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/budgets").WithTags("Budgets");
        g.MapGet("/", List).WithName("ListBudgets");
        return g;
    }

    public sealed record BudgetView(string CostCentre, string Period, decimal Amount, decimal Committed, decimal Available, string Currency,
        DateTimeOffset SnapshotAt, long Version, DateTimeOffset UpdatedAt);

    public static async Task<Ok<IReadOnlyList<BudgetView>>> List([FromQuery(Name = "cost_centre")] string? costCentre, string? period, HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.ProcurementOps, Roles.Approver, Roles.Admin, Roles.Compliance);
        var errors = new FieldErrors();
        if (costCentre is { Length: 0 or > 64 }) errors.Add("cost_centre", "must be 1-64 characters");
        if (period is { Length: 0 or > 20 }) errors.Add("period", "must be 1-20 characters, e.g. 2026");
        errors.ThrowIfAny();
        await using var scope = await db.BeginAsync(caller, ct);
        var rows = await BudgetStore.ListAsync(scope, costCentre, period, ct);
        return TypedResults.Ok<IReadOnlyList<BudgetView>>(rows.Select(b =>
            new BudgetView(b.CostCentre, b.Period, b.Amount, b.Committed, b.Available, b.Currency.Trim(), b.SnapshotAt, b.Version, b.UpdatedAt)).ToList());
    }
}
