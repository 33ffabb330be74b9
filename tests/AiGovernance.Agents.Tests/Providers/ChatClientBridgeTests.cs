using AiGovernance.Agents.Providers;
using AiGovernance.Agents.FollowUp;
using AiGovernance.Agents.Tests.FollowUp;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using AiFunctionCall = Microsoft.Extensions.AI.FunctionCallContent;

namespace AiGovernance.Agents.Tests.Providers;

/// <summary>
/// The llamasharp provider reaches Semantic Kernel as a Microsoft.Extensions.AI <see cref="IChatClient"/>
/// wrapped by <c>AsChatCompletionService()</c>. Without a GGUF model, a scripted chat client stands in for
/// LLamaSharp's, to prove the bridge the provider relies on: text, usage, and function calls into the filter.
/// </summary>
public sealed class ChatClientBridgeTests
{
    [Fact]
    public async Task Chat_client_text_and_usage_reach_semantic_kernel()
    {
        var client = new ScriptedChatClient(_ => Text("hello", 11, 3));
        var chat = client.AsChatCompletionService();

        var reply = await chat.GetChatMessageContentAsync("hi");

        Assert.Equal("hello", reply.Content);
        Assert.Equal(new TokenUsage(11, 3), TokenUsage.Sum([reply]));
    }

    [Fact]
    public async Task Follow_up_agent_plans_through_a_chat_client_and_the_permission_filter()
    {
        var calls = 0;
        var client = new ScriptedChatClient(options => options?.Tools is { Count: > 0 } tools && calls++ == 0
            ? new ChatResponse(new ChatMessage(ChatRole.Assistant, [new AiFunctionCall("c1", tools.Single(t => t.Name.EndsWith("draft_document_request")).Name,
                new Dictionary<string, object?> { ["recipient_kind"] = "requester", ["recipient_id"] = "u-anna", ["document_kind"] = "business_justification", ["reason"] = "IT policy" })]))
                { Usage = new UsageDetails { InputTokenCount = 40, OutputTokenCount = 12 } }
            : Text("done", 50, 2));
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(client.AsChatCompletionService());
        var run = new FollowUpRun(Cases.With(Cases.MissingJustification), TestAgents.Manifest, TestAgents.Messages);
        var kernel = FollowUpKernel.Configure(builder.Build(), run);

        var usage = await GenerativePlanner.RunAsync(kernel, run, TestAgents.Prompt, CancellationToken.None);

        Assert.Equal(("requester", "u-anna"), (Assert.Single(run.Drafts).RecipientKind, run.Drafts[0].Recipient));
        Assert.True(Assert.Single(run.ToolCalls).Allowed);
        Assert.Equal(new TokenUsage(90, 14), usage);
    }

    private static ChatResponse Text(string text, int input, int output) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output } };

    private sealed class ScriptedChatClient(Func<ChatOptions?, ChatResponse> respond) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(respond(options));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("the agents do not stream");

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose() { }
    }
}
