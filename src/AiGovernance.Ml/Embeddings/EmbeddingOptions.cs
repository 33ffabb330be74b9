using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Ml.Embeddings;

/// <summary>
/// Which embedding model to use (<c>Governance:Embeddings</c>). The default is the local MiniLM model;
/// a remote endpoint must return 384-dimensional vectors (the column size), e.g. OpenAI's
/// text-embedding-3-small with <c>Dimensions = 384</c>.
/// </summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Governance:Embeddings";

    /// <summary>minilm (local, default) | openai (any OpenAI-compatible /v1/embeddings) | azure-openai.</summary>
    [RegularExpression("^(minilm|openai|azure-openai)$", ErrorMessage = "Provider must be minilm, openai or azure-openai")]
    public string Provider { get; set; } = "minilm";

    /// <summary>Base URL: e.g. http://localhost:11434/v1 (OpenAI-compatible) or https://NAME.openai.azure.com (Azure).</summary>
    public string? Endpoint { get; set; }
    public string? ApiKey { get; set; }
    /// <summary>Model name (OpenAI-compatible) or deployment name (Azure).</summary>
    public string? Model { get; set; }
    public string AzureApiVersion { get; set; } = "2024-10-21";
    /// <summary>Requested vector size; must match the database column.</summary>
    public int Dimensions { get; set; } = 384;
    [Range(1, 2048)]
    public int BatchSize { get; set; } = 64;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
