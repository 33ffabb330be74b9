using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.FollowUp.Plugins;

/// <summary>Hands the case to a person: the agent's answer whenever it is not sure enough to draft.</summary>
public sealed class EscalationPlugin(FollowUpRun run)
{
    public const string PluginName = "Escalation";

    [KernelFunction("escalate_to_human"), Description("Hand this case to a procurement person, saying what is unclear.")]
    public string EscalateToHuman(
        [Description("what a person has to look at and why")] string reason,
        [Description("the confidence a draft would have had, 0 to 1, if known")] double? confidence = null)
    {
        run.AddEscalation(new Escalation(reason, confidence));
        return "escalated to a person";
    }
}
