using AiGovernance.Agents.Providers;

namespace AiGovernance.Agents.Tests.Providers;

public sealed class AgentProviderOptionsTests
{
    [Fact]
    public void Default_is_offline_and_valid()
    {
        var options = new AgentProviderOptions();

        Assert.Equal("offline", options.Provider);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Openai_without_endpoint_or_model_names_both_keys()
    {
        var errors = new AgentProviderOptions { Provider = "openai" }.Validate();

        Assert.Contains("Governance:Agents:Endpoint is required for provider openai", errors);
        Assert.Contains("Governance:Agents:Model is required for provider openai", errors);
    }

    [Fact]
    public void Relative_endpoint_is_refused()
    {
        var errors = new AgentProviderOptions { Provider = "openai", Endpoint = "localhost:11434", Model = "llama3" }.Validate();

        Assert.Equal(["Governance:Agents:Endpoint 'localhost:11434' is not an absolute http(s) URL"], errors);
    }

    [Fact]
    public void Azure_needs_deployment_and_api_key()
    {
        var errors = new AgentProviderOptions { Provider = "azure-openai", Endpoint = "https://x.openai.azure.com" }.Validate();

        Assert.Equal(["Governance:Agents:Deployment is required for provider azure-openai", "Governance:Agents:ApiKey is required for provider azure-openai"], errors);
    }

    [Fact]
    public void Llamasharp_needs_an_existing_gguf_path()
    {
        Assert.Contains("Governance:Agents:GgufPath is required for provider llamasharp",
            new AgentProviderOptions { Provider = "llamasharp" }.Validate());
        Assert.Contains("Governance:Agents:GgufPath '/nonexistent/model.gguf' does not exist",
            new AgentProviderOptions { Provider = "llamasharp", GgufPath = "/nonexistent/model.gguf" }.Validate());
    }

    [Fact]
    public void Unknown_provider_lists_the_accepted_ones()
    {
        var errors = new AgentProviderOptions { Provider = "gpt" }.Validate();

        Assert.Equal(["Governance:Agents:Provider 'gpt' is not one of offline, openai, azure-openai, llamasharp"], errors);
    }

    [Fact]
    public void Kernel_factory_refuses_invalid_options_with_every_message()
    {
        var ex = Assert.Throws<AgentProviderException>(() => new KernelFactory(new AgentProviderOptions { Provider = "openai" }));

        Assert.Contains("Endpoint is required", ex.Message);
        Assert.Contains("Model is required", ex.Message);
    }

    [Fact]
    public void Options_validator_reports_failures_for_validate_on_start()
    {
        var result = new AgentProviderOptionsValidator().Validate(null, new AgentProviderOptions { Provider = "azure-openai" });

        Assert.True(result.Failed);
        Assert.Contains("Governance:Agents:Endpoint is required for provider azure-openai", result.Failures!);
    }

    [Fact]
    public void Offline_kernel_has_no_chat_service()
    {
        using var factory = new KernelFactory(new AgentProviderOptions());

        var kernel = factory.CreateKernel();

        Assert.False(factory.HasChatModel);
        Assert.Equal(ProviderDescription.Offline, factory.Description);
        Assert.Empty(kernel.GetAllServices<Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService>());
    }
}
