using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Recommendations;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Outbox;
using AiGovernance.Data.Reporting;

namespace AiGovernance.Api.Tests.Operations;

/// <summary>The dashboard's figures over a tenant whose events are known, read as the page and the metrics collector read them.</summary>
[Collection(ApiCollection.Name)]
public sealed class OperationsFiguresTests(ApiFixture fixture)
{
    [Fact]
    public async Task Figures_count_what_happened_in_the_range_and_nothing_else()
    {
        var tenant = await fixture.CreateTenantAsync();
        var anna = tenant.As("u-anna");
        var david = tenant.As("u-david");
        var approved = await anna.SubmitAsync(TestApi.Requisition(1200));
        var rejected = await anna.SubmitAsync(TestApi.Requisition(1500));
        var auto = await anna.SubmitAsync(TestApi.Requisition(200));
        var waiting = await anna.SubmitAsync(TestApi.Requisition(1800));
        var old = await anna.SubmitAsync(TestApi.Requisition(1300));
        Assert.Equal("auto_approved", auto.Status());
        (await david.DecideAsync(approved, "approve", 0)).EnsureSuccessStatusCode();
        (await david.DecideAsync(rejected, "reject", 0, "not needed")).EnsureSuccessStatusCode();

        var agent = tenant.Agent();
        var overridden = await agent.PostAsync(RecommendationApi.Hold(waiting.Id(), "sha256:one"));
        var followed = await agent.PostAsync(RecommendationApi.Hold(waiting.Id(), "sha256:two", kind: "requisition.review"));
        (await tenant.As("u-grace").DecideOnAsync(overridden, "reject", "supplier confirmed it is a new order")).EnsureSuccessStatusCode();
        (await tenant.As("u-grace").DecideOnAsync(followed, "accept")).EnsureSuccessStatusCode();

        await using (var scope = await tenant.OwnerScopeAsync())
        {
            // The old requisition moves 40 days back; the waiting one's step has been active for 30 hours.
            await Exec(scope, "UPDATE requisitions SET created_at = now() - interval '40 days' WHERE id = $1", old.Id());
            await Exec(scope, "UPDATE requisitions SET steps = jsonb_set(steps, '{0,activated_at}', to_jsonb(now() - interval '30 hours')) WHERE id = $1", waiting.Id());
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.Escalation, "system:sla", "requisition", waiting.Number(), new { step = 0 }), TimeProvider.System);
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.SlaBreached, "system:sla", "requisition", waiting.Number(), new { step = 0 }), TimeProvider.System);
            foreach (var ms in new[] { 10, 20, 30, 40, 100 })
                await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.DetectionScored, "system:detection", "requisition", waiting.Number(),
                    new { scoring_ms = ms }), TimeProvider.System);
            await scope.CommitAsync();
        }

        var now = DateTimeOffset.UtcNow;
        var f = await ReadAsync(tenant, ReportRange.LastDays(now, 30));

        Assert.Equal(new QueueAging(1, 0, 1, 0), f.QueueAging);   // the old one still waits, its step active since just now
        Assert.Equal(new ExceptionRate(4, 1), f.Exceptions);   // only the waiting one carries AI recommendations
        Assert.Equal(new DecisionMix(1, 1, 1), f.Decisions);
        Assert.Equal(1 / 3.0, f.Decisions.TouchlessShare!.Value, 6);
        Assert.Equal(new SlaBreaches(1, 1), f.SlaBreaches);
        Assert.Equal(2, f.Recommendations.Decided);
        Assert.Equal(0.5, f.Recommendations.OverrideShare);
        Assert.Equal(1.0, f.Recommendations.ByKind.Single(k => k.Kind == "requisition.review").AcceptanceShare);
        Assert.Equal(0.0, f.Recommendations.ByKind.Single(k => k.Kind == "requisition.hold").AcceptanceShare);
        Assert.Equal(new ReviewerAgreement("u-grace", 2, 1), Assert.Single(f.Reviewers));
        // u-david approved seconds after the step became active: fast. His rejection is no approval.
        Assert.Equal(new FastApprovals("u-david", 1, 1), Assert.Single(f.FastApprovals));
        var all = Assert.Single(f.CycleTimes, c => c.Dimension == "all");
        Assert.Equal(2, all.Count);
        Assert.InRange(all.MedianHours, 0, 0.1);
        Assert.Equal(2, Assert.Single(f.CycleTimes, c => c.Dimension == "legal_entity" && c.Value == "LE-EU").Count);
        Assert.Equal(new ScoringLatency(5, 30, 88), f.Scoring with { P95Ms = Math.Round(f.Scoring.P95Ms!.Value, 6) });

        // Ninety days include the old requisition; a range that ended before anything happened counts nothing.
        Assert.Equal(5, (await ReadAsync(tenant, ReportRange.LastDays(now, 90))).Exceptions.Submitted);
        var before = await ReadAsync(tenant, new ReportRange(now.AddDays(-90), now.AddDays(-35)));
        Assert.Equal(new ExceptionRate(1, 0), before.Exceptions);
        Assert.Empty(before.FastApprovals);
        Assert.Equal(0, before.Scoring.Count);
    }

    [Fact]
    public async Task Outbox_backlog_counts_pending_retrying_and_dead_messages_and_the_oldest_wait()
    {
        var tenant = await fixture.CreateTenantAsync();
        var now = DateTimeOffset.UtcNow;
        var baseline = (await ReadAsync(tenant, ReportRange.LastDays(now, 30))).Outbox;
        await using (var scope = await tenant.OwnerScopeAsync())
        {
            var fresh = await OutboxWriter.EnqueueAsync(scope, "test.topic", "k-fresh", null, new { }, TimeProvider.System, default);
            var failing = await OutboxWriter.EnqueueAsync(scope, "test.topic", "k-failing", null, new { }, TimeProvider.System, default);
            var dead = await OutboxWriter.EnqueueAsync(scope, "test.topic", "k-dead", null, new { }, TimeProvider.System, default);
            await Exec(scope, "UPDATE outbox_messages SET attempts = 2, last_error = 'HTTP 503', created_at = now() - interval '2 hours' WHERE id = $1", failing!.Value);
            await Exec(scope, "UPDATE outbox_messages SET status = 'dead', attempts = 8, last_error = 'HTTP 410' WHERE id = $1", dead!.Value);
            Assert.NotNull(fresh);
            // Workers wake on commit: without their dispatch jobs, no worker delivers (and so changes) these messages mid-test.
            await using (var unschedule = scope.Command("DELETE FROM jobs WHERE tenant_id = $1"))
            {
                unschedule.Parameters.AddWithValue(tenant.Id);
                await unschedule.ExecuteNonQueryAsync();
            }
            await scope.CommitAsync();
        }

        var outbox = (await ReadAsync(tenant, ReportRange.LastDays(now.AddMinutes(1), 30))).Outbox;
        Assert.Equal(baseline.Pending + 2, outbox.Pending);
        Assert.Equal(baseline.Retrying + 1, outbox.Retrying);
        Assert.Equal(baseline.DeadLettered + 1, outbox.DeadLettered);
        Assert.Equal(baseline.DeliveryFailuresInRange + 2, outbox.DeliveryFailuresInRange);
        Assert.InRange(outbox.OldestPendingSeconds!.Value, 2 * 3600 - 60, 2 * 3600 + 600);
    }

    private static async Task<OperationsFigures> ReadAsync(TestTenant tenant, ReportRange range)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        return await OperationsFigures.ReadAsync(scope, range, DateTimeOffset.UtcNow, new FastApprovalRule(), default);
    }

    private static async Task Exec(AiGovernance.Data.Tenancy.TenantScope scope, string sql, object arg)
    {
        await using var cmd = scope.Command(sql);
        cmd.Parameters.AddWithValue(arg);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }
}
