using Microsoft.Extensions.Options;

namespace AiGovernance.Agents.Providers;

/// <summary>
/// Which language model the agents talk to (<c>Governance:Agents</c>). The default is <c>offline</c>:
/// no model at all, deterministic planning, because no generative model can be obtained on every machine.
/// </summary>
public sealed class AgentProviderOptions
{
    public const string SectionName = "Governance:Agents";

    /// <summary>offline | openai | azure-openai | llamasharp.</summary>
    public string Provider { get; set; } = AgentProviderKinds.Offline;

    /// <summary>Base URL: an OpenAI-compatible server (…/v1) or the Azure OpenAI resource.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Model id sent to an OpenAI-compatible server; a label for azure-openai and llamasharp.</summary>
    public string? Model { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>Azure OpenAI api-version, e.g. 2024-10-21; empty uses the connector's default.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Path of a local GGUF model file (llamasharp).</summary>
    public string? GgufPath { get; set; }

    /// <summary>Context window in tokens for llamasharp.</summary>
    public int ContextSize { get; set; } = 4096;

    /// <summary>Per-request timeout against a remote endpoint.</summary>
    public int TimeoutSeconds { get; set; } = 100;

    /// <summary>Every problem with this configuration, each naming its key; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var provider = Provider?.Trim().ToLowerInvariant() ?? "";
        if (!AgentProviderKinds.All.Contains(provider))
        {
            errors.Add($"{SectionName}:Provider '{Provider}' is not one of {string.Join(", ", AgentProviderKinds.All)}");
            return errors;
        }
        if (TimeoutSeconds is < 1 or > 3600) errors.Add($"{SectionName}:TimeoutSeconds must be between 1 and 3600 (was {TimeoutSeconds})");

        switch (provider)
        {
            case AgentProviderKinds.OpenAi:
                RequireAbsoluteUrl(errors, provider);
                Require(errors, Model, "Model", provider);
                break;
            case AgentProviderKinds.AzureOpenAi:
                RequireAbsoluteUrl(errors, provider);
                Require(errors, Deployment, "Deployment", provider);
                Require(errors, ApiKey, "ApiKey", provider);
                break;
            case AgentProviderKinds.LlamaSharp:
                Require(errors, GgufPath, "GgufPath", provider);
                if (!string.IsNullOrWhiteSpace(GgufPath) && !File.Exists(GgufPath))
                    errors.Add($"{SectionName}:GgufPath '{GgufPath}' does not exist");
                if (ContextSize is < 256 or > 1_048_576) errors.Add($"{SectionName}:ContextSize must be between 256 and 1048576 (was {ContextSize})");
                break;
        }
        return errors;
    }

    /// <summary>The provider name, normalised; only meaningful once <see cref="Validate"/> passed.</summary>
    public string NormalizedProvider => Provider.Trim().ToLowerInvariant();

    private void RequireAbsoluteUrl(List<string> errors, string provider)
    {
        if (string.IsNullOrWhiteSpace(Endpoint)) errors.Add($"{SectionName}:Endpoint is required for provider {provider}");
        else if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            errors.Add($"{SectionName}:Endpoint '{Endpoint}' is not an absolute http(s) URL");
    }

    private static void Require(List<string> errors, string? value, string key, string provider)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add($"{SectionName}:{key} is required for provider {provider}");
    }
}

/// <summary>The provider names <c>Governance:Agents:Provider</c> accepts.</summary>
public static class AgentProviderKinds
{
    public const string Offline = "offline";
    public const string OpenAi = "openai";
    public const string AzureOpenAi = "azure-openai";
    public const string LlamaSharp = "llamasharp";

    public static readonly IReadOnlyList<string> All = [Offline, OpenAi, AzureOpenAi, LlamaSharp];
}

/// <summary>Plugs <see cref="AgentProviderOptions.Validate"/> into options validation, so ValidateOnStart reports every problem.</summary>
public sealed class AgentProviderOptionsValidator : IValidateOptions<AgentProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentProviderOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
