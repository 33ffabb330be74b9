using AiGovernance.Agents.FollowUp;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Detection;
using AiGovernance.Data.FollowUp;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Recommendations;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiGovernance.Worker.FollowUp;

/// <summary>
/// Runs the follow-up agent for one requisition (job <c>agent.follow_up</c>). The case is read in one
/// tenant scope, the agent runs outside any transaction (a model may take seconds), and its drafts,
/// escalations and run log are written together in a second one.
/// </summary>
public sealed partial class FollowUpHandler(NpgsqlDataSource db, FollowUpAgentHost agents, IOptions<FollowUpOptions> options, TimeProvider clock,
    ILogger<FollowUpHandler> logger) : IJobHandler
{
    public const string Actor = "agent:follow-up";

    public string Kind => FollowUpJobs.Kind;

    public async Task<JobResult> HandleAsync(ClaimedJob job, CancellationToken ct)
    {
        if (!Guid.TryParse(job.SubjectId, out var id)) return new JobResult.Done();
        var o = options.Value;
        var now = clock.GetUtcNow();
        FollowUpCase? @case;
        await using (var read = await TenantScope.BeginAsync(db, job.TenantId, ct))
        {
            var stored = await RequisitionStore.GetAsync(read, id, ct);
            if (stored is null || stored.Requisition.Status is not (RequisitionStatus.PendingApproval or RequisitionStatus.OnHold or RequisitionStatus.InfoRequested))
                return new JobResult.Done();
            var settleAt = stored.CreatedAt.AddMinutes(o.GraceMinutes);
            if (now < settleAt) return new JobResult.RetryAt(settleAt);
            if (await AgentSwitches.OffAsync(read, AgentSwitches.FollowUp, ct) is { } off)
            {
                await SkipAsync(read, stored.Requisition.Number, off, ct);
                return new JobResult.Done();
            }
            var policy = await PolicyStore.GetActiveAsync(read, PolicyCache.Shared, ct);
            @case = policy is null ? null : await FollowUpCases.LoadAsync(read, stored, policy.Policy, now, ct);
        }
        if (@case is null) return new JobResult.Done();

        var result = await agents.Agent.RunAsync(@case, ct);

        await using var scope = await TenantScope.BeginAsync(db, job.TenantId, ct);
        var posted = new List<Guid>();
        foreach (var draft in result.Drafts)
            posted.Add((await PostRecommendation.ExecuteAsync(scope, Actor,
                await FollowUpRecommendations.MessageAsync(scope, @case, draft, result.RunLog, o.RecommendationLifetimeHours, ct), clock, ct)).Recommendation.Id);
        foreach (var escalation in result.Escalations)
            posted.Add((await PostRecommendation.ExecuteAsync(scope, Actor,
                FollowUpRecommendations.Escalation(@case, escalation, result.RunLog, o.RecommendationLifetimeHours), clock, ct)).Recommendation.Id);
        await AgentRunLogs.AppendAsync(scope, @case, result, posted, clock, ct);
        await scope.CommitAsync(ct);
        return new JobResult.Done();
    }

    /// <summary>
    /// The tenant's admin switched the agent off: nothing is drafted, and the log says why, so nobody wonders where
    /// the follow-ups went. The job is done, not postponed; the next trigger (document read, SLA reminder) runs it again.
    /// </summary>
    private async Task SkipAsync(TenantScope scope, string number, ModelSwitch off, CancellationToken ct)
    {
        LogSwitchedOff(logger, number, scope.TenantId, off.ChangedBy, off.Reason);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.AgentSkipped, Actor, "requisition", number,
            new { agent = "follow-up", why = $"switched off for this tenant by {off.ChangedBy}: {off.Reason}", switched_off_at = off.ChangedAt }), clock, ct);
        await scope.CommitAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up agent not run for {Requisition} (tenant {TenantId}): switched off by {ChangedBy}: {Reason}")]
    private static partial void LogSwitchedOff(ILogger logger, string requisition, Guid tenantId, string changedBy, string reason);
}
