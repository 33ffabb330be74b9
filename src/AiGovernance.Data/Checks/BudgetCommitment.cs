using AiGovernance.Core.Checks;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Checks;

/// <summary>
/// Final approval commits the requisition's amount against its cost centre's budget, in the approving
/// transaction. The log entry's subject is the budget (it is the budget that changed), like budget_updated.
/// </summary>
public static class BudgetCommitment
{
    public static async Task OnApprovedAsync(TenantScope scope, Requisition r, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var period = BudgetPeriod.For(r.NeededBy, DateOnly.FromDateTime(now.UtcDateTime));
        // No FOR UPDATE here: the increment below is atomic and takes the row lock only at the last moment.
        var budget = await BudgetStore.GetAsync(scope, r.CostCentre, period, forUpdate: false, ct);
        decimal? delta = budget is null ? null : await InBudgetCurrencyAsync(scope, r, budget.Currency.Trim(), ct);
        var after = budget is not null && delta is { } d ? await BudgetStore.AddCommittedAsync(scope, r.CostCentre, period, d, now, ct) : budget;
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.BudgetCommitted, "system", "budget", $"{r.CostCentre}/{period}", new
        {
            requisition_id = r.Id,
            requisition = r.Number,
            cost_centre = r.CostCentre,
            period,
            amount_base = r.AmountInBase,
            base_currency = r.BaseCurrency,
            committed_amount = delta,
            budget_currency = budget?.Currency,
            committed_after = after?.Committed,
            available_after = after?.Available,
            note = budget is null ? "no budget row for this cost centre and period; nothing committed"
                : delta is null ? $"the policy has no rate for the budget currency {budget.Currency}; nothing committed" : null,
        }), clock, ct);
    }

    /// <summary>The budget is kept in its own currency: the exact requisition amount when currencies match, else converted at the policy rate.</summary>
    private static async Task<decimal?> InBudgetCurrencyAsync(TenantScope scope, Requisition r, string currency, CancellationToken ct)
    {
        if (currency == r.BaseCurrency) return r.AmountInBase;
        if (currency == r.Currency) return r.Amount;
        var policy = (await PolicyStore.GetByIdAsync(scope, r.PolicyVersionId, PolicyCache.Shared, ct))!.Policy;
        return policy.Rates.TryGetValue(currency, out var rate) ? Math.Round(r.AmountInBase / rate, 2, MidpointRounding.AwayFromZero) : null;
    }
}
