using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Webhooks;

/// <summary>requisition.updated: out-of-order versions, free detail changes, and re-routing on new lines.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookRequisitionUpdateTests(ApiFixture fixture)
{
    [Fact]
    public async Task Updates_arriving_out_of_order_are_resolved_by_version()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        await (await erp.SendAsync(ErpWebhook.Created("evt-c", "ERP-1", version: 1))).ProcessedAsync();
        var v3Date = Date(40);
        var v2Date = Date(20);

        var v3 = await (await erp.SendAsync(Updated("evt-v3", "ERP-1", 3, new JsonObject { ["needed_by"] = v3Date }))).ProcessedAsync();
        var v2 = await (await erp.SendAsync(Updated("evt-v2", "ERP-1", 2, new JsonObject { ["needed_by"] = v2Date }))).ProcessedAsync();

        Assert.Equal("updated", v3.Str("status"));
        Assert.Equal("stale_version", v2.Str("status"));
        Assert.Equal(3, v2.GetProperty("stored_version").GetInt64());
        var requisition = await erp.RequisitionByErpIdAsync("ERP-1");
        Assert.Equal(v3Date, requisition.Str("needed_by"));
        Assert.Equal(1, await erp.CountAsync("SELECT count(*) FROM requisitions WHERE erp_version = 3"));
        var logged = (await erp.LogAsync("webhook_processed")).Select(e => e.GetProperty("payload").GetProperty("result").Str("status")).ToList();
        Assert.Contains("stale_version", logged);
    }

    [Fact]
    public async Task Attachments_and_needed_by_change_without_rerouting()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        await (await erp.SendAsync(ErpWebhook.Created("evt-c", "ERP-1"))).ProcessedAsync();
        var before = await erp.RequisitionByErpIdAsync("ERP-1");

        var result = await (await erp.SendAsync(Updated("evt-u", "ERP-1", 1, new JsonObject
        {
            ["attachments"] = new JsonArray(new JsonObject { ["file_name"] = "quote.pdf", ["content_type"] = "application/pdf" }),
        }))).ProcessedAsync();

        Assert.False(result.GetProperty("rerouted").GetBoolean());
        var after = await erp.RequisitionByErpIdAsync("ERP-1");
        Assert.Equal("quote.pdf", after.GetProperty("attachments")[0].Str("file_name"));
        Assert.Equal(before.Str("needed_by"), after.Str("needed_by"));
        Assert.Equal(before.GetProperty("steps").ToString(), after.GetProperty("steps").ToString());
        Assert.Empty(await erp.LogAsync("requisition_rerouted"));
    }

    [Fact]
    public async Task New_lines_reroute_the_requisition_and_void_earlier_approvals()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        await (await erp.SendAsync(ErpWebhook.Created("evt-c", "ERP-1", 15000m))).ProcessedAsync();
        using var david = erp.Tenant.As("u-david");
        var created = await erp.RequisitionByErpIdAsync("ERP-1");
        (await david.DecideAsync(created, "approve", 0)).EnsureSuccessStatusCode();

        var result = await (await erp.SendAsync(Updated("evt-u", "ERP-1", 2, new JsonObject { ["lines"] = Lines(4, 6000m) }))).ProcessedAsync();

        Assert.True(result.GetProperty("rerouted").GetBoolean());
        var after = await erp.RequisitionByErpIdAsync("ERP-1");
        Assert.Equal(24000m, after.GetProperty("amount").GetDecimal());
        Assert.Equal("pending_approval", after.Status());
        var owner = after.GetProperty("steps")[0];
        Assert.Equal("active", owner.Str("status"));
        Assert.All(owner.GetProperty("approvers").Items(), a => Assert.Equal("pending", a.Str("status")));
        Assert.Contains("user u-david", after.GetProperty("next_approvers").Items().Select(a => a.GetString()));
        var rerouted = Assert.Single(await erp.LogAsync("requisition_rerouted")).GetProperty("payload");
        Assert.Equal(15000m, rerouted.GetProperty("old_amount").GetDecimal());
        Assert.Equal(24000m, rerouted.GetProperty("new_amount").GetDecimal());
        Assert.Equal(1, rerouted.GetProperty("voided_approvals").GetInt32());
    }

    [Fact]
    public async Task A_held_requisition_is_rerouted_but_stays_held_until_the_supplier_is_released()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        await (await erp.SendAsync(Supplier("evt-s1", "on_hold", 1))).ProcessedAsync();
        await (await erp.SendAsync(ErpWebhook.Created("evt-c", "ERP-1", 1500m))).ProcessedAsync();
        Assert.Equal("on_hold", (await erp.RequisitionByErpIdAsync("ERP-1")).Status());

        var result = await (await erp.SendAsync(Updated("evt-u", "ERP-1", 2, new JsonObject { ["lines"] = Lines(3, 5000m) }))).ProcessedAsync();
        await (await erp.SendAsync(Supplier("evt-s2", "active", 2))).ProcessedAsync();

        Assert.True(result.GetProperty("rerouted").GetBoolean());
        Assert.Equal("on_hold", result.Str("requisition_status"));
        var released = await erp.RequisitionByErpIdAsync("ERP-1");
        Assert.Equal("pending_approval", released.Status());
        Assert.Equal(15000m, released.GetProperty("amount").GetDecimal());
        // Over 10,000 EUR the new chain has a procurement step the 1,500 EUR chain did not have.
        Assert.Contains("procurement-approval", released.GetProperty("steps").Items().Select(s => s.Str("name")));
    }

    [Fact]
    public async Task Lines_of_a_final_requisition_cannot_change()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        await (await erp.SendAsync(ErpWebhook.Created("evt-c", "ERP-1", 1500m))).ProcessedAsync();
        using var david = erp.Tenant.As("u-david");
        (await david.DecideAsync(await erp.RequisitionByErpIdAsync("ERP-1"), "approve", 0)).EnsureSuccessStatusCode();

        var response = await erp.SendAsync(Updated("evt-u", "ERP-1", 2, new JsonObject { ["lines"] = Lines(1, 99000m) }));

        await response.ProblemAsync(HttpStatusCode.Conflict, "requisition_final");
        var after = await erp.RequisitionByErpIdAsync("ERP-1");
        Assert.Equal("approved", after.Status());
        Assert.Equal(1500m, after.GetProperty("amount").GetDecimal());
        Assert.Equal(1, await erp.EventCountAsync());
    }

    [Fact]
    public async Task An_update_for_an_unknown_requisition_is_refused_so_the_erp_retries_it()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);

        var response = await erp.SendAsync(Updated("evt-u", "ERP-404", 1, new JsonObject { ["needed_by"] = Date(10) }));

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook_requisition_unknown");
        Assert.Equal(0, await erp.EventCountAsync());
    }

    private static JsonObject Updated(string eventId, string erpId, long version, JsonObject changes)
    {
        changes["external_erp_id"] = erpId;
        return ErpWebhook.Event(eventId, "requisition.updated", changes, version);
    }

    private static JsonObject Supplier(string eventId, string status, long version) => ErpWebhook.Event(eventId, "supplier.status_changed",
        new JsonObject { ["supplier_id"] = "sup-orgenics-ltd", ["status"] = status }, version);

    private static JsonArray Lines(decimal quantity, decimal unitPrice) => new(new JsonObject
    {
        ["item_code"] = "ITEM-1",
        ["description"] = "Test item",
        ["quantity"] = quantity,
        ["unit_of_measure"] = "EA",
        ["unit_price"] = unitPrice,
    });

    private static string Date(int daysAhead) =>
        DateTime.UtcNow.AddDays(daysAhead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
