using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Webhooks;

/// <summary>
/// budget.updated and supplier.status_changed reach the master-data functions (their rules are tested
/// with the checks); here only that the event arrives, is applied once and is recorded.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookMasterDataTests(ApiFixture fixture)
{
    [Fact]
    public async Task Supplier_status_changed_updates_the_supplier()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);

        await (await erp.SendAsync(ErpWebhook.Event("evt-s1", "supplier.status_changed",
            new JsonObject { ["supplier_id"] = "sup-orgenics-ltd", ["status"] = "on_hold", ["reason"] = "quality audit" }, version: 5))).ProcessedAsync();

        Assert.Equal(1, await erp.CountAsync("SELECT count(*) FROM suppliers WHERE id = 'sup-orgenics-ltd' AND status = 'on_hold'"));
        Assert.Equal(1, await erp.EventCountAsync());
    }

    [Fact]
    public async Task Budget_updated_stores_the_snapshot()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);

        await (await erp.SendAsync(ErpWebhook.Event("evt-b1", "budget.updated", new JsonObject
        {
            ["cost_centre"] = "CC-EU-PHARMA",
            ["period"] = "2026",
            ["amount"] = 123456.78m,
            ["committed"] = 1000m,
            ["currency"] = "EUR",
            ["snapshot_at"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }, version: 7))).ProcessedAsync();

        Assert.Equal(1, await erp.CountAsync("SELECT count(*) FROM budgets WHERE cost_centre = 'CC-EU-PHARMA' AND period = '2026' AND amount = 123456.78"));
    }

    [Fact]
    public async Task Master_data_events_are_validated_before_they_reach_the_checks()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);

        var badStatus = await erp.SendAsync(ErpWebhook.Event("evt-s1", "supplier.status_changed",
            new JsonObject { ["supplier_id"] = "sup-orgenics-ltd", ["status"] = "sleeping" }, version: 1));
        var badBudget = await erp.SendAsync(ErpWebhook.Event("evt-b1", "budget.updated",
            new JsonObject { ["cost_centre"] = "CC-EU-PHARMA", ["amount"] = -5, ["currency"] = "eur" }, version: 1));

        await badStatus.ValidationErrorsAsync("data.status");
        await badBudget.ValidationErrorsAsync("data.period", "data.amount", "data.currency", "data.snapshot_at");
        Assert.Equal(0, await erp.EventCountAsync());
    }
}
