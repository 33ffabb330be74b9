using AiGovernance.Agents.FollowUp;
using AiGovernance.Agents.Prompts;
using AiGovernance.Agents.Providers;

namespace AiGovernance.Worker.FollowUp;

/// <summary>
/// One follow-up agent per process, with the manifest, prompt and templates from <c>prompts/</c> loaded on
/// first use, so a bad file fails the job with the file and line rather than the host start.
/// </summary>
public sealed class FollowUpAgentHost(KernelFactory kernels, PromptCatalog prompts)
{
    private readonly Lazy<FollowUpAgent> _agent = new(() => FollowUpAgent.FromPromptsDirectory(kernels, prompts.Directory));

    public FollowUpAgent Agent => _agent.Value;
}
