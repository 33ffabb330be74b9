using AiGovernance.Agents.FollowUp;
using AiGovernance.Agents.Prompts;
using AiGovernance.Agents.Providers;
using AiGovernance.Agents.Tests.Infrastructure;
using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.Tests.FollowUp;

/// <summary>The repository's real manifest, prompt and templates, optionally with a limit changed.</summary>
public static class TestAgents
{
    public static AgentManifest Manifest => AgentManifest.Load(Path.Combine(TestPrompts.Directory, FollowUpAgent.ManifestPath));

    public static MessageTemplates Messages => MessageTemplates.Load(Path.Combine(TestPrompts.Directory, FollowUpAgent.MessagesPath));

    public static LoadedPrompt Prompt => new PromptCatalog(TestPrompts.Directory).Load("follow-up-agent");

    public static FollowUpAgent Offline(AgentManifest? manifest = null) =>
        new(new KernelFactory(new AgentProviderOptions()), manifest ?? Manifest, Prompt, Messages);

    public static FollowUpAgent Generative(OpenAiStubServer stub, AgentManifest? manifest = null) =>
        new(new KernelFactory(new AgentProviderOptions { Provider = "openai", Endpoint = stub.OpenAiEndpoint.ToString(), Model = "stub-model", ApiKey = "k" }),
            manifest ?? Manifest, Prompt, Messages);

    /// <summary>A kernel with the agent's plugins and filter for one run, without a model: for driving the filter directly.</summary>
    public static (Kernel Kernel, FollowUpRun Run) KernelFor(FollowUpCase @case, AgentManifest? manifest = null)
    {
        var run = new FollowUpRun(@case, manifest ?? Manifest, Messages);
        return (FollowUpKernel.Configure(Kernel.CreateBuilder().Build(), run), run);
    }
}

/// <summary>The repository's manifest with one piece of text replaced, written to a temp file.</summary>
public static class ManifestVariants
{
    public static AgentManifest Load(TempFiles files, string original, string replacement)
    {
        var text = File.ReadAllText(Path.Combine(TestPrompts.Directory, FollowUpAgent.ManifestPath));
        Assert.Contains(original, text);
        return AgentManifest.Load(files.Write($"variant-{Guid.NewGuid():N}.yaml", text.Replace(original, replacement)));
    }
}
