using AiGovernance.Agents.Providers;
using System.Globalization;
using AiGovernance.Agents.Prompts;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// Plans with the configured chat model. The agent prompt carries the case as delimited data; the model is
/// offered the kernel's functions with <see cref="FunctionChoiceBehavior.Auto"/>, but this class runs the
/// calls itself instead of Semantic Kernel's auto-invocation loop: every call, including one naming a
/// function that does not exist, is then recorded in the order the model made it, and the loop ends when
/// the manifest's action budget is spent rather than after Semantic Kernel's own, much larger, limit.
/// Existing functions are invoked through the kernel, so the permission filter decides each one.
/// </summary>
public static class GenerativePlanner
{
    public static async Task<TokenUsage?> RunAsync(Kernel kernel, FollowUpRun run, LoadedPrompt prompt, CancellationToken cancellationToken)
    {
        var history = await RenderAsync(kernel, run, prompt, cancellationToken);
        var settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false),
            ExtensionData = prompt.Config.DefaultExecutionSettings?.ExtensionData is { } data ? new Dictionary<string, object>(data) : null,
        };
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var responses = new List<ChatMessageContent>();

        // Each round that asks for functions spends at least one action, so this bound is never the one that stops a run.
        for (var round = 0; round <= run.Manifest.MaxActionsPerRun; round++)
        {
            var reply = await chat.GetChatMessageContentAsync(history, settings, kernel, cancellationToken);
            responses.Add(reply);
            history.Add(reply);
            var calls = FunctionCallContent.GetFunctionCalls(reply).ToList();
            if (calls.Count == 0) break;
            foreach (var call in calls)
                history.Add((await InvokeAsync(kernel, run, call, cancellationToken)).ToChatMessage());
            if (run.ActionBudgetExhausted) break;
        }
        return TokenUsage.Sum(responses);
    }

    private static async Task<ChatHistory> RenderAsync(Kernel kernel, FollowUpRun run, LoadedPrompt prompt, CancellationToken cancellationToken)
    {
        var arguments = new KernelArguments
        {
            ["case_json"] = CaseJson.Serialize(run.Case),
            ["confidence_threshold"] = run.Manifest.ConfidenceThreshold.ToString("0.00", CultureInfo.InvariantCulture),
        };
        var rendered = await new KernelPromptTemplateFactory().Create(prompt.Config).RenderAsync(kernel, arguments, cancellationToken);
        return ChatPromptReader.Read(rendered);
    }

    private static async Task<FunctionResultContent> InvokeAsync(Kernel kernel, FollowUpRun run, FunctionCallContent call, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrEmpty(call.PluginName) ? call.FunctionName : $"{call.PluginName}.{call.FunctionName}";
        if (call.Exception is not null)
            return Refuse(call, PermissionFilter.RecordUnusableCall(run, name, $"arguments could not be read: {call.Exception.Message}"));
        if (!kernel.Plugins.TryGetFunction(call.PluginName, call.FunctionName, out _))
            return Refuse(call, PermissionFilter.RecordUnknownFunction(run, name, call.Arguments));
        try
        {
            return await call.InvokeAsync(kernel, cancellationToken);
        }
        catch (Exception ex) when (ex is KernelException or ArgumentException or FormatException)
        {
            // A model's bad argument is the model's problem to correct, not a failed run.
            return new FunctionResultContent(call, "error: " + ex.Message);
        }
    }

    private static FunctionResultContent Refuse(FunctionCallContent call, string reason) =>
        new(call, PermissionFilter.RefusalPrefix + reason);
}
