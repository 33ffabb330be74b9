using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Data.Outbox;
using AiGovernance.Data.Tenancy;
using AiGovernance.Worker.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Api.Tests.Outbox;

/// <summary>The outbox under failure and contention: dispatchers that die, and dispatchers that race.</summary>
[Collection(ApiCollection.Name)]
public sealed class OutboxCrashAndRaceTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_dispatcher_that_dies_after_claiming_leaves_the_PO_to_be_delivered_once_after_the_lease()
    {
        await using var receiver = await ErpReceiver.StartAsync();
        await using var host = await OutboxTestHost.StartAsync(fixture, receiver.Url);
        var req = await host.ApprovedRequisitionAsync();
        var id = (await host.MessageForAsync(req)).GetProperty("id").GetGuid();

        // The approval committed with its message and job; a dispatcher claims the job and dies before sending.
        Assert.Contains(await host.ClaimAllAsync(), j => j.SubjectId == id.ToString());
        await host.RunUntilIdleAsync();
        Assert.Empty(receiver.Posts);
        Assert.Equal("pending", (await host.MessageAsync(id)).Str("status"));

        host.Clock.Advance(host.Lease + TimeSpan.FromSeconds(1));
        await host.RunUntilIdleAsync();

        var post = Assert.Single(receiver.Posts);
        Assert.Equal($"po-release:{req.Number()}", post.Header(OutboxSender.IdempotencyHeader));
        Assert.Equal("delivered", (await host.MessageAsync(id)).Str("status"));
    }

    [Fact]
    public async Task A_dispatcher_that_dies_after_sending_but_before_recording_causes_a_resend_the_ERP_dedupes()
    {
        await using var receiver = await ErpReceiver.StartAsync();
        await using var host = await OutboxTestHost.StartAsync(fixture, receiver.Url);
        var req = await host.ApprovedRequisitionAsync();
        var id = (await host.MessageForAsync(req)).GetProperty("id").GetGuid();
        Assert.Contains(await host.ClaimAllAsync(), j => j.SubjectId == id.ToString());

        // What the dying dispatcher did: lock the message, send it, then lose its transaction (process killed).
        await using (var scope = await TenantScope.BeginAsync(host.Db, host.Tenant.Id))
        {
            var (state, message) = await OutboxStore.LockPendingAsync(scope, id, CancellationToken.None);
            Assert.Equal(OutboxLock.Acquired, state);
            var sender = host.Factory.Services.GetRequiredService<OutboxSender>();
            Assert.True((await sender.SendAsync(message!, host.Tenant.Id, receiver.Url, host.Secret, CancellationToken.None)).Delivered);
        }
        Assert.Equal("pending", (await host.MessageAsync(id)).Str("status"));

        host.Clock.Advance(host.Lease + TimeSpan.FromSeconds(1));
        await host.RunUntilIdleAsync();

        Assert.Equal(2, receiver.Posts.Count);
        Assert.Single(receiver.Posts.Select(p => p.Header(OutboxSender.IdempotencyHeader)).Distinct());
        Assert.Equal([false, true], receiver.Posts.Select(p => p.Duplicate));
        Assert.Equal([$"po-release:{req.Number()}"], receiver.Accepted);
        Assert.Equal("delivered", (await host.MessageAsync(id)).Str("status"));
    }

    [Fact]
    public async Task Two_runners_racing_for_the_same_due_job_send_one_POST()
    {
        await using var receiver = await ErpReceiver.StartAsync();
        await using var host = await OutboxTestHost.StartAsync(fixture, receiver.Url);
        var req = await host.ApprovedRequisitionAsync();
        var second = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Worker.JobRunner>(host.Factory.Services);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => host.RunUntilIdleAsync(i % 2 == 0 ? host.Runner : second))));

        Assert.Single(receiver.Posts);
        Assert.Equal("delivered", (await host.MessageForAsync(req)).Str("status"));
    }

    [Fact]
    public async Task A_runner_that_takes_over_an_expired_lease_while_the_first_is_still_sending_does_not_send_again()
    {
        await using var receiver = await ErpReceiver.StartAsync();
        await using var host = await OutboxTestHost.StartAsync(fixture, receiver.Url);
        var req = await host.ApprovedRequisitionAsync();
        receiver.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var slow = Task.Run(() => host.RunUntilIdleAsync());
        await receiver.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        host.Clock.Advance(host.Lease + TimeSpan.FromSeconds(1));
        await host.RunUntilIdleAsync();
        receiver.Gate.SetResult();
        await slow.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(receiver.Posts);
        Assert.Equal("delivered", (await host.MessageForAsync(req)).Str("status"));
        // The job the second runner moved comes due later, finds the message delivered and sends nothing.
        host.Clock.Advance(host.Lease + TimeSpan.FromSeconds(1));
        await host.RunUntilIdleAsync();
        Assert.Single(receiver.Posts);
    }
}
