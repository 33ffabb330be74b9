using AiGovernance.Agents.FollowUp;
using AiGovernance.Agents.Prompts;
using AiGovernance.Agents.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiGovernance.Worker.FollowUp;

/// <summary>
/// One follow-up agent per process: the provider's kernel factory (a local model loads once) and the
/// manifest, prompt and templates from <c>prompts/</c>, loaded on first use so a bad file fails the job
/// with the file and line rather than the host start.
/// </summary>
public sealed class FollowUpAgentHost(IOptions<AgentProviderOptions> provider, IConfiguration configuration, ILoggerFactory loggers) : IDisposable
{
    public const string PromptsDirectoryKey = "Governance:Agents:PromptsDirectory";

    private readonly Lazy<(KernelFactory Kernels, FollowUpAgent Agent)> _agent = new(() =>
    {
        var kernels = new KernelFactory(provider.Value, loggerFactory: loggers);
        var prompts = PromptCatalog.Locate(configuration[PromptsDirectoryKey], AppContext.BaseDirectory);
        return (kernels, FollowUpAgent.FromPromptsDirectory(kernels, prompts));
    });

    public FollowUpAgent Agent => _agent.Value.Agent;

    public void Dispose()
    {
        if (_agent.IsValueCreated) _agent.Value.Kernels.Dispose();
    }
}
