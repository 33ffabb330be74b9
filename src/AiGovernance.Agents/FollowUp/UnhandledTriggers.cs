namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// A model may stop early, run out of actions or ignore a trigger. Whatever it leaves without a draft or an
/// escalation is escalated here, so a case never silently falls through: a person always hears about it.
/// </summary>
public static class UnhandledTriggers
{
    public static void EscalateRemaining(FollowUpRun run)
    {
        var unhandled = new List<FollowUpTrigger>();
        foreach (var group in run.Case.Triggers.GroupBy(t => t.Kind))
        {
            var drafted = run.Drafts.Count(d => d.TriggerKind == group.Key);
            unhandled.AddRange(group.Skip(drafted));
        }
        // The model's own escalations cover that many of the remaining triggers; it does not say which, so count them.
        if (unhandled.Count <= run.Escalations.Count) return;
        var list = string.Join("; ", unhandled.Select(t => $"{t.Kind}: {t.Detail}"));
        run.AddEscalation(new Escalation($"the model left {unhandled.Count} trigger(s) without a draft: {list}", null));
    }
}
