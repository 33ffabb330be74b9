using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Webhooks;

/// <summary>requisition.created and idempotency by event id, also under concurrent delivery.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookIdempotencyTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_signed_requisition_created_event_creates_one_requisition_submitted_by_the_erp()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);

        var result = await (await erp.SendAsync(ErpWebhook.Created("evt-1", "ERP-1", 1500m, version: 1))).ProcessedAsync();

        Assert.Equal("created", result.Str("status"));
        var requisition = Assert.Single(await erp.RequisitionsAsync());
        Assert.Equal(result.GetProperty("requisition_id").GetGuid(), requisition.Id());
        Assert.Equal("u-anna", requisition.Str("requester_id"));
        Assert.Equal("ERP-1", requisition.Str("external_erp_id"));
        Assert.Equal("pending_approval", requisition.Status());
        Assert.Equal(1500m, requisition.GetProperty("amount").GetDecimal());
        Assert.Equal("erp", Assert.Single(await erp.LogAsync("routing")).Str("actor"));
        var processed = Assert.Single(await erp.LogAsync("webhook_processed"));
        Assert.Equal("evt-1", processed.GetProperty("payload").Str("event_id"));
        Assert.Equal(1, await erp.CountAsync("SELECT count(*) FROM requisitions WHERE erp_version = 1"));
    }

    [Fact]
    public async Task The_same_event_ten_times_concurrently_has_exactly_one_effect()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        var body = ErpWebhook.Created("evt-burst", "ERP-BURST");

        // Each copy is signed afresh (a different timestamp, so a different signature): a redelivery, not a replay.
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => erp.SendAsync(body, TimeSpan.FromSeconds(i))));

        var bodies = new List<string?>();
        foreach (var r in responses) bodies.Add((await r.ReadAsync(HttpStatusCode.OK)).Str("status"));
        Assert.Equal(1, bodies.Count(s => s == "processed"));
        Assert.Equal(9, bodies.Count(s => s == "duplicate"));
        Assert.Single(await erp.RequisitionsAsync());
        Assert.Equal(1, await erp.EventCountAsync());
        Assert.Single(await erp.LogAsync("routing"));
    }

    [Fact]
    public async Task The_identical_signed_request_raced_five_times_is_applied_once_and_the_copies_are_replays()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        var body = System.Text.Encoding.UTF8.GetBytes(ErpWebhook.Created("evt-race", "ERP-RACE").ToJsonString());
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = AiGovernance.Core.Integration.WebhookSignature.Sign(erp.Secret, ts, body);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => erp.SendSignedAsync(body, ts, signature)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Single(await erp.RequisitionsAsync());
        Assert.Equal(4, (await erp.LogAsync("webhook_rejected")).Count);
    }

    [Fact]
    public async Task Different_events_for_one_erp_requisition_raced_create_it_once()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => erp.SendAsync(ErpWebhook.Created($"evt-{i}", "ERP-SAME"))));

        var results = new List<string?>();
        foreach (var r in responses) results.Add((await r.ProcessedAsync()).Str("status"));
        Assert.Equal(1, results.Count(s => s == "created"));
        Assert.Equal(4, results.Count(s => s == "already_exists"));
        Assert.Single(await erp.RequisitionsAsync());
        Assert.Equal(5, await erp.EventCountAsync());
    }

    [Fact]
    public async Task A_redelivered_event_answers_duplicate_with_the_first_result()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        var body = ErpWebhook.Created("evt-1", "ERP-1");

        var first = await (await erp.SendAsync(body)).ProcessedAsync();
        var again = await (await erp.SendAsync(body, TimeSpan.FromSeconds(3))).ProcessedAsync("duplicate");

        Assert.Equal(first.ToString(), again.ToString());
        Assert.Single(await erp.RequisitionsAsync());
    }

    [Fact]
    public async Task A_second_event_for_the_same_erp_requisition_finds_it_already_exists()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);

        var first = await (await erp.SendAsync(ErpWebhook.Created("evt-1", "ERP-1"))).ProcessedAsync();
        var second = await (await erp.SendAsync(ErpWebhook.Created("evt-2", "ERP-1"))).ProcessedAsync();

        Assert.Equal("already_exists", second.Str("status"));
        Assert.Equal(first.GetProperty("requisition_id").GetGuid(), second.GetProperty("requisition_id").GetGuid());
        Assert.Single(await erp.RequisitionsAsync());
        Assert.Equal(2, await erp.EventCountAsync());
    }

    [Fact]
    public async Task Unknown_types_and_malformed_events_are_refused_with_422_and_not_recorded()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        var noErpId = ErpWebhook.Created("evt-2", "ERP-2");
        noErpId["data"]!.AsObject().Remove("external_erp_id");
        noErpId["data"]!["lines"]![0]!["quantity"] = -1;
        var massAssigned = ErpWebhook.Created("evt-3", "ERP-3");
        massAssigned["data"]!["status"] = "approved";

        var unknown = await erp.SendAsync(ErpWebhook.Event("evt-1", "invoice.paid", new JsonObject()));
        var noId = await erp.SendAsync(new JsonObject { ["type"] = "requisition.created", ["data"] = new JsonObject() });
        var noVersion = await erp.SendAsync(ErpWebhook.Event("evt-4", "supplier.status_changed",
            new JsonObject { ["supplier_id"] = "sup-orgenics-ltd", ["status"] = "on_hold" }));
        var invalid = await erp.SendAsync(noErpId);
        var extra = await erp.SendAsync(massAssigned);

        await unknown.ProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook_unknown_type");
        await noId.ValidationErrorsAsync("id");
        await noVersion.ValidationErrorsAsync("version");
        await invalid.ValidationErrorsAsync("data.external_erp_id");
        await extra.ValidationErrorsAsync("data.status");
        Assert.Empty(await erp.RequisitionsAsync());
        Assert.Equal(0, await erp.EventCountAsync());
    }

    [Fact]
    public async Task Requisition_rules_are_reported_under_data()
    {
        var erp = await ErpWebhook.ForNewTenantAsync(fixture);
        var body = ErpWebhook.Created("evt-1", "ERP-1");
        body["data"]!["lines"]![0]!["quantity"] = 0;

        var response = await erp.SendAsync(body);

        await response.ValidationErrorsAsync("data.lines[0].quantity");
        var retry = await erp.SendAsync(ErpWebhook.Created("evt-1", "ERP-1"));
        Assert.Equal("created", (await retry.ProcessedAsync()).Str("status"));
    }
}
