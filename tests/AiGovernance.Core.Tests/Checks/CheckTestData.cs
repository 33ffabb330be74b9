using AiGovernance.Core.Checks;
using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Tests.Checks;

internal static class CheckTestData
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public static ApprovalPolicy Policy(string budgetSection = "") => Parse($$"""
        policy: checks-test
        base_currency: EUR
        rates: { USD: 0.5 }
        authority_limits: { approver: 10000, finance_manager: 100000 }
        rules:
          - id: base
            steps:
              - { name: owner-approval, approvers: [ { role: approver } ], sla: 24h }
        {{budgetSection}}
        """);

    public static ApprovalPolicy Parse(string yaml)
    {
        var result = PolicyParser.Parse(yaml);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Policy!;
    }

    public static SupplierSnapshot Supplier(string status = SupplierStatuses.Active, string? reason = null, params SupplierDocument[] docs) =>
        new("sup-1", "Supplier One", status, reason, "low", docs);

    public static BudgetSnapshot Budget(decimal amount, decimal committed = 0, string currency = "EUR", TimeSpan? age = null) =>
        new("CC-1", "2026", amount, committed, currency, Now - (age ?? TimeSpan.FromHours(1)));
}
