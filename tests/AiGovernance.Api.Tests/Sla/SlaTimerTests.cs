using System.Net;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Sla;

/// <summary>
/// SLA timers end to end with a fake clock: reminder at 75% of the SLA, escalation at breach, each
/// once, logged and announced through the outbox. The default policy: a 500 EUR requisition on
/// CC-EU-PHARMA waits 24h for the owner u-david, then escalates to procurement_ops (u-felix).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SlaTimerTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_reminder_fires_once_at_75_percent_of_the_sla_with_a_notification()
    {
        await using var host = await SlaTestHost.StartAsync(fixture);
        var t0 = host.Clock.GetUtcNow();
        var req = await host.SubmitAsync();
        Assert.Equal((t0.AddHours(18), t0.AddHours(18)), await host.TimerAsync(req));

        await host.RunAtAsync(t0.AddHours(17.9));
        Assert.Empty(await host.LogAsync(req, "sla_reminder"));

        await host.RunAtAsync(t0.AddHours(18));
        await host.RunUntilIdleAsync();
        var reminder = Assert.Single(await host.LogAsync(req, "sla_reminder"));
        Assert.Equal("system:sla", reminder.Str("actor"));
        Assert.Equal(0, reminder.GetProperty("payload").GetProperty("step").GetInt32());
        Assert.Equal(["user u-david"], reminder.GetProperty("payload").GetProperty("waiting_on").Items().Select(e => e.GetString()));
        var (topic, key, payload) = Assert.Single(await host.OutboxAsync(req));
        Assert.Equal(("notification.sla_reminder", $"sla-reminder:{req.Number()}:0"), (topic, key));
        Assert.Equal(["user:u-david"], payload.GetProperty("recipients").Items().Select(e => e.GetString()));
        // The next timer is the breach itself.
        Assert.Equal((t0.AddHours(24), t0.AddHours(24)), await host.TimerAsync(req));
        Assert.Empty(await host.LogAsync(req, "escalation"));
    }

    [Fact]
    public async Task On_breach_the_escalation_target_sees_the_requisition_and_can_approve_it()
    {
        await using var host = await SlaTestHost.StartAsync(fixture);
        var t0 = host.Clock.GetUtcNow();
        var req = await host.SubmitAsync();
        Assert.DoesNotContain(req.Number(), await host.QueueNumbersAsync("u-felix"));
        using (var felix = host.Tenant.As("u-felix"))
            await (await felix.DecideAsync(req, "approve", 0)).ProblemAsync(HttpStatusCode.Forbidden, "not_an_approver");

        await host.RunAtAsync(t0.AddHours(18));
        await host.RunAtAsync(t0.AddHours(24));

        var escalation = Assert.Single(await host.LogAsync(req, "escalation"));
        Assert.Equal("role procurement_ops", escalation.GetProperty("payload").Str("escalated_to"));
        Assert.Empty(await host.LogAsync(req, "sla_breached"));
        Assert.Contains(await host.OutboxAsync(req), m => m.Topic == "notification.sla_escalated" && m.Key == $"sla-escalated:{req.Number()}:0");
        Assert.Equal((null, null), await host.TimerAsync(req));
        Assert.Contains(req.Number(), await host.QueueNumbersAsync("u-felix"));
        Assert.Contains(req.Number(), await host.QueueNumbersAsync("u-david"));

        var approved = await host.ApproveAsync("u-felix", req, 0);
        Assert.Equal("approved", approved.Status());
        Assert.Equal("u-felix", approved.GetProperty("steps")[0].GetProperty("approvers")[0].Str("decided_by"));
    }

    [Fact]
    public async Task Approving_before_the_breach_cancels_the_timers()
    {
        await using var host = await SlaTestHost.StartAsync(fixture);
        var t0 = host.Clock.GetUtcNow();
        var req = await host.SubmitAsync();
        await host.RunAtAsync(t0.AddHours(20));
        Assert.Single(await host.LogAsync(req, "sla_reminder"));

        host.Clock.SetUtcNow(t0.AddHours(21));
        await host.ApproveAsync("u-david", req, 0);
        Assert.Equal((null, null), await host.TimerAsync(req));

        await host.RunAtAsync(t0.AddDays(5));
        Assert.Empty(await host.LogAsync(req, "escalation"));
        Assert.Empty(await host.LogAsync(req, "sla_breached"));
        Assert.Single(await host.LogAsync(req, "sla_reminder"));
    }

    [Fact]
    public async Task Running_the_timers_again_or_concurrently_fires_nothing_twice()
    {
        await using var host = await SlaTestHost.StartAsync(fixture);
        var t0 = host.Clock.GetUtcNow();
        var req = await host.SubmitAsync();

        host.Clock.SetUtcNow(t0.AddHours(18));
        await Task.WhenAll(host.Runner.RunDueAsync(CancellationToken.None), host.Runner.RunDueAsync(CancellationToken.None));
        await host.RunUntilIdleAsync();
        await host.ForceJobDueAsync(req);
        await host.RunUntilIdleAsync();
        Assert.Single(await host.LogAsync(req, "sla_reminder"));

        host.Clock.SetUtcNow(t0.AddHours(30));
        await Task.WhenAll(host.Runner.RunDueAsync(CancellationToken.None), host.Runner.RunDueAsync(CancellationToken.None));
        await host.RunUntilIdleAsync();
        await host.ForceJobDueAsync(req);
        await host.RunUntilIdleAsync();

        Assert.Single(await host.LogAsync(req, "sla_reminder"));
        Assert.Single(await host.LogAsync(req, "escalation"));
        Assert.Equal(2, (await host.OutboxAsync(req)).Count);
    }

    [Fact]
    public async Task The_next_step_gets_its_own_timers_once_the_first_is_approved()
    {
        await using var host = await SlaTestHost.StartAsync(fixture);
        var t0 = host.Clock.GetUtcNow();
        // 12,000 EUR: owner-approval (24h → procurement_ops), then procurement-approval (24h → finance_manager).
        var req = await host.SubmitAsync(12_000m);
        host.Clock.SetUtcNow(t0.AddHours(10));
        await host.ApproveAsync("u-david", req, 0);
        var t1 = t0.AddHours(10);
        Assert.Equal((t1.AddHours(18), t1.AddHours(18)), await host.TimerAsync(req));

        await host.RunAtAsync(t0.AddHours(26));
        Assert.Empty(await host.LogAsync(req, "sla_reminder"));
        await host.RunAtAsync(t1.AddHours(18));
        var reminder = Assert.Single(await host.LogAsync(req, "sla_reminder"));
        Assert.Equal((1, "procurement-approval"), (reminder.GetProperty("payload").GetProperty("step").GetInt32(), reminder.GetProperty("payload").Str("step_name")));

        await host.RunAtAsync(t1.AddHours(24));
        var escalation = Assert.Single(await host.LogAsync(req, "escalation"));
        Assert.Equal("role finance_manager", escalation.GetProperty("payload").Str("escalated_to"));
        Assert.Contains(req.Number(), await host.QueueNumbersAsync("u-karl"));
        Assert.Equal("approved", (await host.ApproveAsync("u-karl", req, 1)).Status());
    }

    [Fact]
    public async Task Timers_pause_while_information_is_requested_and_resume_when_it_is_given()
    {
        await using var host = await SlaTestHost.StartAsync(fixture);
        var t0 = host.Clock.GetUtcNow();
        var req = await host.SubmitAsync();
        using (var david = host.Tenant.As("u-david"))
            await (await david.DecideAsync(req, "request_info", 0, "which supplier quote?")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal((null, null), await host.TimerAsync(req));

        await host.RunAtAsync(t0.AddHours(30));
        Assert.Empty(await host.LogAsync(req, "escalation"));

        using (var anna = host.Tenant.As("u-anna"))
            await (await anna.PostJsonAsync($"{TestApi.Requisitions}/{req.Id()}/information", new System.Text.Json.Nodes.JsonObject { ["comment"] = "quote attached" }))
                .ReadAsync(HttpStatusCode.OK);
        // The step was due at 24h, so its timer is due at once; only the breach fires, a late reminder would be noise.
        var (next, job) = await host.TimerAsync(req);
        Assert.True(next <= host.Clock.GetUtcNow() && job == next, $"timer {next}, job {job}");
        await host.RunUntilIdleAsync();
        Assert.Single(await host.LogAsync(req, "escalation"));
        Assert.Empty(await host.LogAsync(req, "sla_reminder"));
    }
}
