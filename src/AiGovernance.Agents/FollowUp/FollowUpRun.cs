namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// The state of one agent run: the case it may read, the manifest that limits it, and what it has
/// proposed and attempted so far. Plugins write drafts here; the permission filter writes tool calls.
/// </summary>
public sealed class FollowUpRun(FollowUpCase @case, AgentManifest manifest, MessageTemplates messages)
{
    private readonly List<MessageDraft> _drafts = [];
    private readonly List<Escalation> _escalations = [];
    private readonly List<ToolCallRecord> _toolCalls = [];

    public FollowUpCase Case { get; } = @case;
    public AgentManifest Manifest { get; } = manifest;
    public MessageTemplates Messages { get; } = messages;

    public IReadOnlyList<MessageDraft> Drafts => _drafts;
    public IReadOnlyList<Escalation> Escalations => _escalations;
    public IReadOnlyList<ToolCallRecord> ToolCalls => _toolCalls;

    /// <summary>Calls that reached the permission filter, allowed or not; the per-run cap counts these.</summary>
    public int Attempts { get; private set; }

    public bool ActionBudgetExhausted => Attempts >= Manifest.MaxActionsPerRun;

    internal int CountAttempt() => ++Attempts;

    internal void Record(ToolCallRecord call) => _toolCalls.Add(call);

    internal void AddDraft(MessageDraft draft) => _drafts.Add(draft);

    internal void AddEscalation(Escalation escalation) => _escalations.Add(escalation);

    /// <summary>Messages this recipient may still receive today: the manifest's cap less those sent and drafted.</summary>
    public int RemainingToday(string recipientKey)
    {
        var drafted = _drafts.Count(d => RecipientKeys.For(d.RecipientKind, d.Recipient) == recipientKey);
        return Manifest.MaxMessagesPerRecipientPerDay - Case.SentToday(recipientKey) - drafted;
    }
}
