using AiGovernance.Agents.FollowUp;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Worker.FollowUp;

/// <summary>
/// Every agent run in the decision log: prompt, manifest and message-template versions and hashes,
/// provider and model, input hash, output, tool calls allowed and denied, confidence, duration, tokens.
/// A denied call also gets its own entry, so "what did the agent try that it may not do" is one filter.
/// </summary>
public static class AgentRunLogs
{
    public static async Task AppendAsync(TenantScope scope, FollowUpCase @case, FollowUpRunResult result, IReadOnlyList<Guid> recommendations,
        TimeProvider clock, CancellationToken ct)
    {
        var log = result.RunLog;
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.AgentRun, FollowUpHandler.Actor, "requisition", @case.RequisitionNumber, new
        {
            agent = log.AgentId,
            manifest = new { version = log.ManifestVersion, hash = log.ManifestHash },
            prompt = new { id = log.PromptId, version = log.PromptVersion, hash = log.PromptHash },
            messages = new { version = log.MessagesVersion, hash = log.MessagesHash },
            provider = log.Provider,
            planner = log.Planner,
            input_hash = log.InputHash,
            triggers = @case.Triggers.Select(t => new { t.Kind, t.Detail }),
            output = log.OutputSummary,
            recommendations,
            tool_calls_allowed = log.AllowedCalls.Select(c => new { c.Function, arguments = c.ArgumentsJson }),
            tool_calls_denied = log.DeniedCalls.Select(c => new { c.Function, arguments = c.ArgumentsJson, c.Reason }),
            confidence = log.Confidence,
            duration_ms = (int)log.Duration.TotalMilliseconds,
            tokens = log.Usage is { } u ? new { input = u.InputTokens, output = u.OutputTokens, total = u.TotalTokens } : null,
        }), clock, ct);
        foreach (var denied in log.DeniedCalls)
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.AgentToolDenied, FollowUpHandler.Actor, "requisition",
                @case.RequisitionNumber, new { agent = log.AgentId, denied.Function, arguments = denied.ArgumentsJson, denied.Reason, input_hash = log.InputHash }),
                clock, ct);
    }
}
