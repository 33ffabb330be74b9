using AiGovernance.Agents.Providers;

namespace AiGovernance.Agents.FollowUp;

/// <summary>A message the agent proposes. Nothing is sent: a person accepts it first.</summary>
public sealed record MessageDraft(
    string RecipientKind,
    string Recipient,
    string Subject,
    string Body,
    string TriggerKind,
    double Confidence,
    string Reason);

/// <summary>The agent handed the case to a person instead of drafting.</summary>
public sealed record Escalation(string Reason, double? Confidence);

/// <summary>One function call the agent attempted, allowed or refused, with the filter's reason.</summary>
public sealed record ToolCallRecord(string Function, string ArgumentsJson, bool Allowed, string Reason);

/// <summary>What the decision log must record about a run.</summary>
public sealed record AgentRunLog(
    string AgentId,
    string ManifestVersion,
    string ManifestHash,
    string PromptId,
    string PromptVersion,
    string PromptHash,
    string MessagesVersion,
    string MessagesHash,
    ProviderDescription Provider,
    string Planner,
    string InputHash,
    string OutputSummary,
    IReadOnlyList<ToolCallRecord> AllowedCalls,
    IReadOnlyList<ToolCallRecord> DeniedCalls,
    double? Confidence,
    TimeSpan Duration,
    TokenUsage? Usage);

public sealed record FollowUpRunResult(
    IReadOnlyList<MessageDraft> Drafts,
    IReadOnlyList<Escalation> Escalations,
    IReadOnlyList<ToolCallRecord> ToolCalls,
    AgentRunLog RunLog);
