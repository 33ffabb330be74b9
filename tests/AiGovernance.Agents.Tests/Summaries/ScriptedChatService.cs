using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AiGovernance.Agents.Tests.Summaries;


/// <summary>
/// A chat service that answers from a script and remembers every chat it was sent, so tests can see
/// the prompt exactly as Semantic Kernel rendered it. Tests only; real providers are tested elsewhere.
/// </summary>
internal sealed class ScriptedChatService(Func<ChatHistory, CancellationToken, Task<string>> answer) : IChatCompletionService
{
    public ScriptedChatService(string answer) : this((_, _) => Task.FromResult(answer)) { }

    public List<ChatHistory> Received { get; } = [];

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

    public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        Received.Add(chatHistory);
        var text = await answer(chatHistory, cancellationToken);
        var metadata = new Dictionary<string, object?> { ["Usage"] = OpenAI.Chat.OpenAIChatModelFactory.ChatTokenUsage(outputTokenCount: 40, inputTokenCount: 120, totalTokenCount: 160) };
        return [new ChatMessageContent(AuthorRole.Assistant, text, modelId: "scripted", metadata: metadata)];
    }

    public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the summarizer does not stream");

    public Kernel Kernel()
    {
        var builder = Microsoft.SemanticKernel.Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatCompletionService>(this);
        return builder.Build();
    }
}
