using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Outbox;

[Collection(ApiCollection.Name)]
public sealed class OutboxRetryTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_receiver_that_stays_down_gets_growing_backoff_then_a_dead_letter_that_redelivery_delivers()
    {
        await using var host = await OutboxTestHost.StartAsync(fixture, ErpReceiver.DownUrl());
        var req = await host.ApprovedRequisitionAsync();
        var id = (await host.MessageForAsync(req)).GetProperty("id").GetGuid();

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt < 8; attempt++)
        {
            await host.RunUntilIdleAsync();
            var m = await host.MessageAsync(id);
            Assert.Equal(("pending", attempt), (m.Str("status"), m.GetProperty("attempts").GetInt32()));
            Assert.NotNull(m.Str("last_error"));
            var next = m.GetProperty("next_attempt_at").GetDateTimeOffset();
            delays.Add(next - host.Clock.GetUtcNow());
            // Not due before its time: a pass just before it sends nothing and changes nothing.
            host.Clock.SetUtcNow(next - TimeSpan.FromSeconds(1));
            await host.RunUntilIdleAsync();
            Assert.Equal(attempt, (await host.MessageAsync(id)).GetProperty("attempts").GetInt32());
            host.Clock.SetUtcNow(next);
        }
        // Jitter is pinned to its maximum here, so each delay is exactly the exponential ceiling: 10 s · 2^(n-1).
        Assert.Equal([10, 20, 40, 80, 160, 320, 640], delays.Select(d => d.TotalSeconds));

        await host.RunUntilIdleAsync();
        var dead = await host.MessageAsync(id);
        Assert.Equal(("dead", 8), (dead.Str("status"), dead.GetProperty("attempts").GetInt32()));
        Assert.Equal(id, Assert.Single((await host.OutboxAsync("?status=dead")).Items()).GetProperty("id").GetGuid());
        Assert.Empty((await host.OutboxAsync("?status=pending")).Items());
        using var hannah = host.Tenant.As("u-hannah");
        Assert.Single((await hannah.DecisionLogAsync("?kind=outbox_dead_lettered")).Items());

        // A dead letter stays dead: the worker does not touch it again.
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.RunUntilIdleAsync();
        Assert.Equal(8, (await host.MessageAsync(id)).GetProperty("attempts").GetInt32());

        await using var receiver = await ErpReceiver.StartAsync();
        await host.SetEndpointAsync(receiver.Url);
        using var felix = host.Tenant.As("u-felix");
        var redelivered = await (await felix.PostJsonAsync($"/api/outbox/{id}/redeliver", new JsonObject { ["reason"] = "ERP back up" }))
            .ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("pending", 0), (redelivered.Str("status"), redelivered.GetProperty("attempts").GetInt32()));

        await host.RunUntilIdleAsync();

        var post = Assert.Single(receiver.Posts);
        Assert.Equal($"po-release:{req.Number()}", post.Header("Idempotency-Key"));
        Assert.Equal("delivered", (await host.MessageAsync(id)).Str("status"));
        var log = await hannah.DecisionLogAsync("?kind=outbox_redelivered");
        var entry = Assert.Single(log.Items());
        Assert.Equal("u-felix", entry.Str("actor"));
        Assert.Equal("dead", entry.GetProperty("payload").Str("status_before"));
        Assert.Equal("ERP back up", entry.GetProperty("payload").Str("reason"));
    }

    [Fact]
    public async Task A_delivered_message_can_be_redelivered_and_keeps_its_idempotency_key()
    {
        await using var receiver = await ErpReceiver.StartAsync();
        await using var host = await OutboxTestHost.StartAsync(fixture, receiver.Url);
        var req = await host.ApprovedRequisitionAsync();
        await host.RunUntilIdleAsync();
        var id = (await host.MessageForAsync(req)).GetProperty("id").GetGuid();

        using var julia = host.Tenant.As("u-julia");
        (await julia.PostAsync(TestApi.Url($"/api/outbox/{id}/redeliver"), null)).EnsureSuccessStatusCode();
        await host.RunUntilIdleAsync();

        Assert.Equal(2, receiver.Posts.Count);
        Assert.Single(receiver.Posts.Select(p => p.Header("Idempotency-Key")).Distinct());
        Assert.True(receiver.Posts[1].Duplicate);
        Assert.Single(receiver.Accepted);
        Assert.Equal("delivered", (await host.MessageAsync(id)).Str("status"));
    }
}
