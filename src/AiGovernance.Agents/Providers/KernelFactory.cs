using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AiGovernance.Agents.Providers;

/// <summary>
/// Builds one Semantic Kernel per agent run with the chat completion service of the configured provider,
/// or none for <c>offline</c>. Plugins and filters are added by the agent, never here, so a provider
/// cannot bring tools of its own.
/// </summary>
public sealed class KernelFactory : IDisposable
{
    private readonly AgentProviderOptions _options;
    private readonly HttpClient? _httpClient;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly bool _ownsHttpClient;
    private readonly LlamaSharpModel? _llama;

    /// <param name="httpClient">Used for remote providers; when null the factory owns one with the configured timeout.</param>
    public KernelFactory(AgentProviderOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0) throw new AgentProviderException(string.Join("; ", errors));
        _options = options;
        _loggerFactory = loggerFactory;
        Provider = options.NormalizedProvider;
        if (Provider is AgentProviderKinds.OpenAi or AgentProviderKinds.AzureOpenAi)
        {
            _ownsHttpClient = httpClient is null;
            _httpClient = httpClient ?? new HttpClient { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
        }
        if (Provider == AgentProviderKinds.LlamaSharp) _llama = new LlamaSharpModel(options.GgufPath!, options.ContextSize);
        Description = Describe(options);
        // The Azure connector checks the api-version only when its client is first built: build one now so a
        // wrong value fails at startup, not at the first agent run.
        if (Provider != AgentProviderKinds.AzureOpenAi) return;
        try { CreateKernel(); }
        catch { Dispose(); throw; }
    }

    public string Provider { get; }

    /// <summary>Provider and model for logs and the decision log.</summary>
    public ProviderDescription Description { get; }

    /// <summary>False for offline: callers plan without a model.</summary>
    public bool HasChatModel => Provider != AgentProviderKinds.Offline;

    public Kernel CreateKernel()
    {
        var builder = Kernel.CreateBuilder();
        if (_loggerFactory is not null) builder.Services.AddSingleton(_loggerFactory);
        switch (Provider)
        {
            case AgentProviderKinds.OpenAi:
                builder.AddOpenAIChatCompletion(_options.Model!, new Uri(_options.Endpoint!), NullIfBlank(_options.ApiKey), httpClient: _httpClient);
                break;
            case AgentProviderKinds.AzureOpenAi:
                builder.AddAzureOpenAIChatCompletion(_options.Deployment!, _options.Endpoint!, _options.ApiKey!,
                    modelId: NullIfBlank(_options.Model), httpClient: _httpClient, apiVersion: NullIfBlank(_options.ApiVersion));
                break;
            case AgentProviderKinds.LlamaSharp:
                // Weights load once per factory (seconds to minutes); each kernel gets its own stateless executor.
                var chatClient = _llama!.CreateChatClient();
                builder.Services.AddSingleton<IChatCompletionService>(chatClient.AsChatCompletionService());
                break;
        }
        var kernel = builder.Build();
        if (Provider == AgentProviderKinds.AzureOpenAi)
        {
            try { kernel.GetRequiredService<IChatCompletionService>(); }
            catch (NotSupportedException ex)
            {
                throw new AgentProviderException($"{AgentProviderOptions.SectionName}:ApiVersion '{_options.ApiVersion}' is not supported by the Azure OpenAI connector: {ex.Message}", ex);
            }
        }
        return kernel;
    }

    public void Dispose()
    {
        if (_ownsHttpClient) _httpClient?.Dispose();
        _llama?.Dispose();
    }

    private static ProviderDescription Describe(AgentProviderOptions o) => o.NormalizedProvider switch
    {
        AgentProviderKinds.OpenAi => new(AgentProviderKinds.OpenAi, o.Model!),
        AgentProviderKinds.AzureOpenAi => new(AgentProviderKinds.AzureOpenAi, NullIfBlank(o.Model) ?? o.Deployment!),
        AgentProviderKinds.LlamaSharp => new(AgentProviderKinds.LlamaSharp, NullIfBlank(o.Model) ?? Path.GetFileName(o.GgufPath!)),
        _ => ProviderDescription.Offline,
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
