using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.FollowUp.Plugins;

/// <summary>Read-only view of the run's case: the only data the agent can look at.</summary>
public sealed class CasePlugin(FollowUpRun run)
{
    public const string PluginName = "Case";

    [KernelFunction("get_case_facts"), Description("The requisition, supplier and triggers of this case as JSON.")]
    public string GetCaseFacts() => CaseJson.Serialize(run.Case);
}
