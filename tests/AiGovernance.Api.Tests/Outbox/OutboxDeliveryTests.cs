using System.Text;
using System.Text.Json;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Core.Integration;
using AiGovernance.Worker.Outbox;

namespace AiGovernance.Api.Tests.Outbox;

[Collection(ApiCollection.Name)]
public sealed class OutboxDeliveryTests(ApiFixture fixture)
{
    [Fact]
    public async Task Final_approval_releases_one_signed_PO_with_a_stable_idempotency_key()
    {
        await using var receiver = await ErpReceiver.StartAsync();
        await using var host = await OutboxTestHost.StartAsync(fixture, receiver.Url);
        var req = await host.ApprovedRequisitionAsync();

        var pending = await host.MessageForAsync(req);
        Assert.Equal("pending", pending.Str("status"));
        Assert.Equal("purchase_order.released", pending.Str("topic"));
        Assert.Equal($"po-release:{req.Number()}", pending.Str("idempotency_key"));
        Assert.Empty(receiver.Posts);

        await host.RunUntilIdleAsync();

        var post = Assert.Single(receiver.Posts);
        Assert.Equal($"po-release:{req.Number()}", post.Header("Idempotency-Key"));
        Assert.Equal(host.Tenant.Id.ToString(), post.Header("X-AiGov-Tenant"));
        Assert.Equal(WebhookSignature.Verdict.Valid, WebhookSignature.Verify([host.Secret], post.Header(WebhookSignature.TimestampHeader),
            post.Header(WebhookSignature.SignatureHeader), post.Body, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.Equal(WebhookSignature.Verdict.BadSignature, WebhookSignature.Verify(["older-" + host.Secret], post.Header(WebhookSignature.TimestampHeader),
            post.Header(WebhookSignature.SignatureHeader), post.Body, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));

        var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(post.Body)).RootElement;
        Assert.Equal(pending.Str("id"), envelope.Str("id"));
        Assert.Equal("purchase_order.released", envelope.Str("topic"));
        Assert.Equal($"po-release:{req.Number()}", envelope.Str("idempotency_key"));
        var po = envelope.GetProperty("data");
        Assert.Equal("PO-" + req.Number()["REQ-".Length..], po.Str("po_number"));
        Assert.Equal(req.Id().ToString(), po.Str("requisition_id"));
        Assert.Equal(req.Number(), po.Str("requisition_number"));
        Assert.Equal(req.Str("external_erp_id"), po.Str("external_erp_id"));
        Assert.Equal("sup-orgenics-ltd", po.GetProperty("supplier").Str("id"));
        Assert.Equal("Orgenics, Ltd", po.GetProperty("supplier").Str("name"));
        Assert.Equal(("LE-EU", "CC-EU-PHARMA", "EUR"), (po.Str("legal_entity"), po.Str("cost_centre"), po.Str("currency")));
        Assert.Equal(1_000m, po.GetProperty("amount").GetDecimal());
        Assert.Equal(1_000m, po.GetProperty("amount_base").GetDecimal());
        Assert.Equal("ITEM-1", Assert.Single(po.GetProperty("lines").Items()).Str("item_code"));
        var approver = Assert.Single(po.GetProperty("approvers").Items());
        Assert.Equal(("u-david", "owner-approval"), (approver.Str("user_id"), approver.Str("step_name")));
        Assert.Equal(host.Clock.GetUtcNow(), po.GetProperty("approved_at").GetDateTimeOffset());

        var delivered = await host.MessageAsync(pending.GetProperty("id").GetGuid());
        Assert.Equal("delivered", delivered.Str("status"));
        Assert.Equal(1, delivered.GetProperty("attempts").GetInt32());
        Assert.Equal(host.Clock.GetUtcNow(), delivered.GetProperty("delivered_at").GetDateTimeOffset());

        // Nothing is left to send: further passes do not post again.
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.RunUntilIdleAsync();
        Assert.Single(receiver.Posts);

        using var hannah = host.Tenant.As("u-hannah");
        // The release is in the requisition's own trail.
        var log = await hannah.DecisionLogAsync($"?kind=po_released&requisition={req.Number()}");
        var entry = Assert.Single(log.Items());
        Assert.Equal(("system:outbox", "requisition", req.Number()), (entry.Str("actor"), entry.Str("subject_type"), entry.Str("subject_id")));
        Assert.Equal(pending.Str("id"), entry.GetProperty("payload").Str("message_id"));
    }

    [Fact]
    public async Task Auto_approval_releases_a_PO_without_approvers()
    {
        await using var receiver = await ErpReceiver.StartAsync();
        await using var host = await OutboxTestHost.StartAsync(fixture, receiver.Url);
        var req = await host.ApprovedRequisitionAsync(amount: 100m);
        Assert.Equal("auto_approved", req.Status());

        await host.RunUntilIdleAsync();

        var post = Assert.Single(receiver.Posts);
        var po = JsonDocument.Parse(post.Body).RootElement.GetProperty("data");
        Assert.True(po.GetProperty("auto_approved").GetBoolean());
        Assert.Empty(po.GetProperty("approvers").Items());
        Assert.Equal("delivered", (await host.MessageForAsync(req)).Str("status"));
    }

    [Fact]
    public async Task A_failing_receiver_gets_retries_with_the_same_key_until_it_accepts()
    {
        await using var receiver = await ErpReceiver.StartAsync();
        await using var host = await OutboxTestHost.StartAsync(fixture, receiver.Url);
        receiver.FailNext(2);
        var req = await host.ApprovedRequisitionAsync();

        await host.RunUntilIdleAsync();
        var afterFirst = await host.MessageForAsync(req);
        Assert.Equal(("pending", 1), (afterFirst.Str("status"), afterFirst.GetProperty("attempts").GetInt32()));
        Assert.StartsWith("HTTP 503", afterFirst.Str("last_error"));
        host.Clock.SetUtcNow(afterFirst.GetProperty("next_attempt_at").GetDateTimeOffset());
        await host.RunUntilIdleAsync();
        host.Clock.SetUtcNow((await host.MessageForAsync(req)).GetProperty("next_attempt_at").GetDateTimeOffset());
        await host.RunUntilIdleAsync();

        Assert.Equal([503, 503, 200], receiver.Posts.Select(p => p.AnsweredStatus));
        Assert.Single(receiver.Posts.Select(p => p.Header("Idempotency-Key")).Distinct());
        var final = await host.MessageForAsync(req);
        Assert.Equal(("delivered", 3), (final.Str("status"), final.GetProperty("attempts").GetInt32()));
        Assert.Equal(JsonValueKind.Null, final.GetProperty("last_error").ValueKind);
    }

    [Fact]
    public async Task Without_an_ERP_endpoint_the_attempt_fails_and_is_retried_later()
    {
        await using var host = await OutboxTestHost.StartAsync(fixture, endpoint: null);
        var req = await host.ApprovedRequisitionAsync();

        await host.RunUntilIdleAsync();

        var message = await host.MessageForAsync(req);
        Assert.Equal("pending", message.Str("status"));
        Assert.Equal(1, message.GetProperty("attempts").GetInt32());
        Assert.Equal("no ERP endpoint configured", message.Str("last_error"));
        Assert.Equal(host.Clock.GetUtcNow() + TimeSpan.FromSeconds(10), message.GetProperty("next_attempt_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_configured_default_endpoint_is_used_when_the_tenant_has_none()
    {
        await using var receiver = await ErpReceiver.StartAsync();
        await using var host = await OutboxTestHost.StartAsync(fixture, endpoint: null, ("Governance:Erp:DefaultEndpoint", receiver.Url));
        var req = await host.ApprovedRequisitionAsync();

        await host.RunUntilIdleAsync();

        // Other tenants in the shared database without an endpoint fall back to it too; look at this tenant's posts.
        var mine = receiver.Posts.Where(p => p.Header(OutboxSender.TenantHeader) == host.Tenant.Id.ToString());
        Assert.Equal($"po-release:{req.Number()}", Assert.Single(mine).Header(OutboxSender.IdempotencyHeader));
    }
}
