using AiGovernance.Agents.FollowUp.Plugins;
using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// Gives a kernel the follow-up agent's plugins, bound to one run, and the permission filter.
/// These three plugins are the agent's whole reach: none of them approves, rejects, releases or edits.
/// </summary>
public static class FollowUpKernel
{
    public static Kernel Configure(Kernel kernel, FollowUpRun run)
    {
        kernel.Plugins.AddFromObject(new CasePlugin(run), CasePlugin.PluginName);
        kernel.Plugins.AddFromObject(new DraftingPlugin(run), DraftingFunctions.PluginName);
        kernel.Plugins.AddFromObject(new EscalationPlugin(run), EscalationPlugin.PluginName);
        var filter = new PermissionFilter(run);
        kernel.FunctionInvocationFilters.Add(filter);
        kernel.AutoFunctionInvocationFilters.Add(filter);
        return kernel;
    }
}
