using System.Globalization;
using AiGovernance.Agents.Prompts;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// Plans with the configured chat model: the agent prompt carries the case as delimited data, the model
/// calls the kernel's functions with <see cref="FunctionChoiceBehavior.Auto"/>, and the permission filter
/// governs each call. Calls the kernel cannot resolve never reach a filter, so they are recorded here.
/// </summary>
public static class GenerativePlanner
{
    public static async Task<TokenUsage?> RunAsync(Kernel kernel, FollowUpRun run, LoadedPrompt prompt, CancellationToken cancellationToken)
    {
        var arguments = new KernelArguments
        {
            ["case_json"] = CaseJson.Serialize(run.Case),
            ["confidence_threshold"] = run.Manifest.ConfidenceThreshold.ToString("0.00", CultureInfo.InvariantCulture),
        };
        var rendered = await new KernelPromptTemplateFactory().Create(prompt.Config).RenderAsync(kernel, arguments, cancellationToken);
        var history = ChatPromptReader.Read(rendered);
        var promptLength = history.Count;

        var settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            ExtensionData = prompt.Config.DefaultExecutionSettings?.ExtensionData is { } data ? new Dictionary<string, object>(data) : null,
        };
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var reply = await chat.GetChatMessageContentAsync(history, settings, kernel, cancellationToken);

        var responses = history.Skip(promptLength).Append(reply).Distinct().ToList();
        RecordUnresolvedCalls(kernel, run, responses);
        return TokenUsageReader.Sum(responses);
    }

    private static void RecordUnresolvedCalls(Kernel kernel, FollowUpRun run, IEnumerable<ChatMessageContent> responses)
    {
        foreach (var call in responses.SelectMany(m => m.Items.OfType<FunctionCallContent>()))
        {
            if (kernel.Plugins.TryGetFunction(call.PluginName, call.FunctionName, out _)) continue;
            var name = string.IsNullOrEmpty(call.PluginName) ? call.FunctionName : $"{call.PluginName}.{call.FunctionName}";
            PermissionFilter.RecordUnknownFunction(run, name, call.Arguments);
        }
    }
}
