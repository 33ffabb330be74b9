using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Sla;

[Collection(ApiCollection.Name)]
public sealed class SlaBreachAndEmergencyTests(ApiFixture fixture)
{
    /// <summary>One 4h step with no escalation target.</summary>
    private const string NoEscalationPolicy = """
        policy: sla-without-escalation
        base_currency: EUR
        authority_limits: { approver: 10000 }
        rules:
          - id: base
            when: {}
            steps:
              - { name: quick-look, approvers: [ { role: approver } ], sla: 4h }
        """;

    [Fact]
    public async Task A_breached_step_without_an_escalation_target_is_logged_as_sla_breached_and_nobody_is_added()
    {
        await using var host = await SlaTestHost.StartAsync(fixture, NoEscalationPolicy);
        var t0 = host.Clock.GetUtcNow();
        var req = await host.SubmitAsync();

        await host.RunAtAsync(t0.AddHours(3));
        Assert.Single(await host.LogAsync(req, "sla_reminder"));
        await host.RunAtAsync(t0.AddHours(4));
        await host.RunUntilIdleAsync();

        var breach = Assert.Single(await host.LogAsync(req, "sla_breached"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, breach.GetProperty("payload").GetProperty("escalated_to").ValueKind);
        Assert.Empty(await host.LogAsync(req, "escalation"));
        Assert.Contains(await host.OutboxAsync(req), m => m.Topic == "notification.sla_breached");
        Assert.DoesNotContain(req.Number(), await host.QueueNumbersAsync("u-felix"));
        Assert.Contains(req.Number(), await host.QueueNumbersAsync("u-david"));
        Assert.Equal((null, null), await host.TimerAsync(req));
    }

    [Fact]
    public async Task An_emergency_takes_the_expedited_two_hour_path_with_its_own_reminder_and_escalation()
    {
        await using var host = await SlaTestHost.StartAsync(fixture);
        var t0 = host.Clock.GetUtcNow();
        var req = await host.SubmitAsync(urgency: "emergency");
        var step = req.GetProperty("steps")[0];
        Assert.Equal(("first_responder", t0.AddHours(2)), (step.Str("mode"), step.GetProperty("due_at").GetDateTimeOffset()));
        Assert.Equal((t0.AddMinutes(90), t0.AddMinutes(90)), await host.TimerAsync(req));

        await host.RunAtAsync(t0.AddMinutes(89));
        Assert.Empty(await host.LogAsync(req, "sla_reminder"));
        await host.RunAtAsync(t0.AddMinutes(90));
        Assert.Single(await host.LogAsync(req, "sla_reminder"));
        var notified = Assert.Single(await host.OutboxAsync(req), m => m.Topic == "notification.sla_reminder");
        Assert.Equal("emergency", notified.Payload.Str("urgency"));

        await host.RunAtAsync(t0.AddHours(2));
        var escalation = Assert.Single(await host.LogAsync(req, "escalation"));
        Assert.Equal("role finance_manager", escalation.GetProperty("payload").Str("escalated_to"));
        Assert.Equal((null, null), await host.TimerAsync(req));
        Assert.Equal("approved", (await host.ApproveAsync("u-karl", req, 0)).Status());
    }
}

public sealed class SlaOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("1.5")]
    public void A_reminder_fraction_outside_zero_to_one_stops_the_host_at_start(string value)
    {
        using var factory = ApiFixture.CreateFactory(("Governance:Worker:Enabled", "false"), ("Governance:Sla:ReminderAt", value));

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ReminderAt", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(AiGovernance.Core.Approvals.SlaClock.DefaultReminderFraction, AiGovernance.Data.Sla.SlaTimers.ReminderFraction);
    }
}
