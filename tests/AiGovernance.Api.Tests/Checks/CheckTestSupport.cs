using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Core.Checks;
using AiGovernance.Data;
using AiGovernance.Data.Checks;

namespace AiGovernance.Api.Tests.Checks;

/// <summary>Helpers for the supplier and budget check tests: master-data changes and reading what the checks stored.</summary>
internal static class CheckTestSupport
{
    public const string CostCentre = "CC-EU-PHARMA";
    public const string Supplier = "sup-orgenics-ltd";
    public static string Period => DateTime.UtcNow.AddDays(30).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A small policy: the cost-centre owner approves everything; <paramref name="budgetSection"/> is appended.</summary>
    public static string Policy(string budgetSection) => $$"""
        policy: checks-test
        base_currency: EUR
        rates: { USD: 0.92 }
        authority_limits: { approver: 100000, finance_manager: 1000000 }
        rules:
          - id: base
            steps:
              - { name: owner-approval, approvers: [ { cost_centre_owner: true } ], sla: 24h }
        {{budgetSection}}
        """;

    public static Task<HttpResponseMessage> PutStatusAsync(this HttpClient client, string supplierId, string status, string? reason) =>
        client.PutAsync(TestApi.Url($"/api/suppliers/{supplierId}/status"), TestApi.JsonBody(new JsonObject { ["status"] = status, ["reason"] = reason }));

    public static async Task<JsonElement> SetStatusAsync(this HttpClient client, string supplierId, string status, string? reason = "test") =>
        await (await client.PutStatusAsync(supplierId, status, reason)).ReadAsync(HttpStatusCode.OK);

    /// <summary>What the ERP's supplier.status_changed webhook does, called directly in a committed transaction.</summary>
    public static async Task<MasterDataChangeResult> ErpSupplierStatusAsync(this TestTenant tenant, string supplierId, string status, long version,
        string? reason = null)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        var result = (MasterDataChangeResult)await ErpMasterDataEvents.ApplySupplierStatusAsync(scope, supplierId, status, reason, version, "erp",
            TimeProvider.System, CancellationToken.None);
        await scope.CommitAsync();
        return result;
    }

    /// <summary>What the ERP's budget.updated webhook does.</summary>
    public static async Task<MasterDataChangeResult> ErpBudgetAsync(this TestTenant tenant, decimal amount, long version, DateTimeOffset? snapshotAt = null,
        decimal? committed = null, string costCentre = CostCentre, string? period = null)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        var result = (MasterDataChangeResult)await ErpMasterDataEvents.ApplyBudgetAsync(scope, costCentre, period ?? Period, amount, committed, "EUR",
            snapshotAt ?? DateTimeOffset.UtcNow, version, "erp", TimeProvider.System, CancellationToken.None);
        await scope.CommitAsync();
        return result;
    }

    /// <summary>The hold reasons and flags as stored on the requisition row.</summary>
    public static async Task<(List<CheckReason> Holds, List<CheckReason> Flags)> StoredChecksAsync(this TestTenant tenant, JsonElement requisition)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        await using var cmd = scope.Command("SELECT hold_reasons::text, flags::text FROM requisitions WHERE id = $1");
        cmd.Parameters.AddWithValue(requisition.Id());
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return (Json.Deserialize<List<CheckReason>>(r.GetString(0)), Json.Deserialize<List<CheckReason>>(r.GetString(1)));
    }

    public static async Task<List<JsonElement>> LogAsync(this TestTenant tenant, string kind, string? requisitionNumber = null)
    {
        using var hannah = tenant.As("u-hannah");
        var query = $"?kind={kind}&limit=1000" + (requisitionNumber is null ? "" : $"&requisition={requisitionNumber}");
        return (await hannah.DecisionLogAsync(query)).Items().ToList();
    }

    public static async Task<JsonElement> BudgetAsync(this TestTenant tenant, string costCentre = CostCentre)
    {
        using var felix = tenant.As("u-felix");
        var rows = await (await felix.GetAsync($"/api/budgets?cost_centre={costCentre}&period={Period}")).ReadAsync(HttpStatusCode.OK);
        return Assert.Single(rows.Items());
    }

    /// <summary>Everything the checks logged must keep the tenant's hash chain verifiable.</summary>
    public static async Task AssertLogVerifiesAsync(this TestTenant tenant)
    {
        using var hannah = tenant.As("u-hannah");
        var result = await (await hannah.GetAsync("/api/decision-log/verify")).ReadAsync(HttpStatusCode.OK);
        Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
    }

    public static IEnumerable<string> Codes(this IEnumerable<CheckReason> reasons) => reasons.Select(r => r.Code);
}
