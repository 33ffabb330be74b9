using System.ComponentModel;
using AiGovernance.Agents.Providers;
using AiGovernance.Agents.Tests.Infrastructure;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AiGovernance.Agents.Tests.Providers;

/// <summary>The real Semantic Kernel connectors against the loopback stub: what a real endpoint would receive.</summary>
public sealed class OpenAiWiringTests : IAsyncLifetime
{
    private OpenAiStubServer _stub = null!;

    public async Task InitializeAsync() => _stub = await OpenAiStubServer.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Openai_compatible_chat_returns_text_and_usage_and_sends_model_and_key()
    {
        _stub.ReplyText("All documents are present.", promptTokens: 42, completionTokens: 7);
        using var factory = new KernelFactory(new AgentProviderOptions
        {
            Provider = "openai", Endpoint = _stub.OpenAiEndpoint.ToString(), Model = "llama3.1:8b", ApiKey = "sk-test",
        });

        var chat = factory.CreateKernel().GetRequiredService<IChatCompletionService>();
        var reply = await chat.GetChatMessageContentAsync("Are documents missing?");

        Assert.Equal("All documents are present.", reply.Content);
        var usage = Assert.IsType<OpenAI.Chat.ChatTokenUsage>(reply.Metadata!["Usage"], exactMatch: false);
        Assert.Equal((42, 7), (usage.InputTokenCount, usage.OutputTokenCount));
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("llama3.1:8b", request.Body["model"]!.GetValue<string>());
        Assert.Equal("Bearer sk-test", request.Headers["authorization"]);
        Assert.Equal(new ProviderDescription("openai", "llama3.1:8b"), factory.Description);
    }

    [Fact]
    public async Task Tool_call_is_invoked_by_the_kernel_and_its_result_sent_back()
    {
        _stub.ReplyToolCalls(("Rates-get_rate", new { currency = "USD" }))
             .ReplyText("1 USD is 0.92 EUR.");
        using var factory = new KernelFactory(new AgentProviderOptions { Provider = "openai", Endpoint = _stub.OpenAiEndpoint.ToString(), Model = "m" });
        var kernel = factory.CreateKernel();
        var rates = new RatesPlugin();
        kernel.Plugins.AddFromObject(rates, "Rates");

        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var result = await kernel.InvokePromptAsync("What is 1 USD in EUR?", new KernelArguments(settings));

        Assert.Equal("1 USD is 0.92 EUR.", result.ToString());
        Assert.Equal(["USD"], rates.Asked);
        Assert.Equal(2, _stub.Requests.Count);
        Assert.Contains("Rates-get_rate", _stub.Requests[0].ToolNames);
        Assert.Equal(["0.92"], _stub.Requests[1].ToolResults);
    }

    [Fact]
    public async Task Azure_openai_calls_the_deployment_route_with_the_api_key_header()
    {
        _stub.ReplyText("ok");
        using var factory = new KernelFactory(new AgentProviderOptions
        {
            Provider = "azure-openai", Endpoint = _stub.BaseAddress.ToString(), Deployment = "gov-chat", ApiKey = "azure-key", ApiVersion = "2024-10-21",
        });

        var reply = await factory.CreateKernel().GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync("hi");

        Assert.Equal("ok", reply.Content);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("/openai/deployments/gov-chat/chat/completions?api-version=2024-10-21", request.Path);
        Assert.Equal("azure-key", request.Headers["api-key"]);
        Assert.Equal(new ProviderDescription("azure-openai", "gov-chat"), factory.Description);
    }

    [Fact]
    public async Task Azure_openai_without_api_version_uses_the_connectors_default()
    {
        _stub.ReplyText("ok");
        using var factory = new KernelFactory(new AgentProviderOptions
        {
            Provider = "azure-openai", Endpoint = _stub.BaseAddress.ToString(), Deployment = "gov-chat", ApiKey = "azure-key",
        });

        await factory.CreateKernel().GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync("hi");

        Assert.Matches(@"api-version=\d{4}-\d{2}-\d{2}", Assert.Single(_stub.Requests).Path);
    }

    [Fact]
    public void Azure_openai_with_an_unknown_api_version_fails_when_the_factory_is_built()
    {
        var options = new AgentProviderOptions
        {
            Provider = "azure-openai", Endpoint = _stub.BaseAddress.ToString(), Deployment = "gov-chat", ApiKey = "azure-key", ApiVersion = "1999-01-01",
        };

        var ex = Assert.Throws<AgentProviderException>(() => new KernelFactory(options));

        Assert.StartsWith("Governance:Agents:ApiVersion '1999-01-01' is not supported by the Azure OpenAI connector", ex.Message);
        Assert.Empty(_stub.Requests);
    }

    public sealed class RatesPlugin
    {
        public List<string> Asked { get; } = [];

        [KernelFunction("get_rate"), Description("EUR per unit of a currency")]
        public string GetRate(string currency)
        {
            Asked.Add(currency);
            return "0.92";
        }
    }
}
