namespace AiGovernance.Ml.Embeddings;

/// <summary>The configured embedder. The local model is loaded once per process (about a second, ~90 MB).</summary>
public static class Embedders
{
    private static readonly Lazy<MiniLmEmbedder> Local = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static ITextEmbedder Create(EmbeddingOptions options, Func<HttpClient> httpClient)
    {
        if (options.Provider == "minilm") return new SharedLocal();
        var http = httpClient();
        http.Timeout = options.Timeout;
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            if (options.Provider == "azure-openai") http.DefaultRequestHeaders.Add("api-key", options.ApiKey);
            else http.DefaultRequestHeaders.Authorization = new("Bearer", options.ApiKey);
        }
        return new HttpEmbedder(http, options);
    }

    /// <summary>
    /// The process-wide local model behind a handle that is not disposable: a host's container disposes
    /// its singletons when it stops, and must not take the model away from other hosts in the process.
    /// </summary>
    private sealed class SharedLocal : ITextEmbedder
    {
        public string ModelId => MiniLmEmbedder.Id;
        public int Dimensions => Local.Value.Dimensions;
        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct = default) => Local.Value.EmbedAsync(texts, ct);
    }
}
