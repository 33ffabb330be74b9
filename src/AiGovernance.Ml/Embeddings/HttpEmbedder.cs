using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiGovernance.Ml.Embeddings;

/// <summary>
/// Embeddings from a remote endpoint: any OpenAI-compatible <c>/embeddings</c> (OpenAI, Ollama, vLLM,
/// llama.cpp server) or Azure OpenAI's deployment URL. Vectors are L2-normalized here, because not
/// every server does, and checked for the configured size so a wrong model fails loudly.
/// </summary>
public sealed class HttpEmbedder(HttpClient http, EmbeddingOptions options) : ITextEmbedder
{
    public string ModelId => $"{options.Provider}:{options.Model}";
    public int Dimensions => options.Dimensions;

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += options.BatchSize)
        {
            var batch = texts.Skip(start).Take(options.BatchSize).Select(t => string.IsNullOrWhiteSpace(t) ? " " : t).ToList();
            using var response = await http.PostAsJsonAsync(Url(), Body(batch), ct);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException(
                    $"embedding endpoint answered {(int)response.StatusCode}: {Truncate(await response.Content.ReadAsStringAsync(ct))}");
            var parsed = await response.Content.ReadFromJsonAsync<EmbeddingResponse>(ct)
                ?? throw new InvalidDataException("embedding endpoint returned no body");
            if (parsed.Data is null || parsed.Data.Count != batch.Count)
                throw new InvalidDataException($"embedding endpoint returned {parsed.Data?.Count ?? 0} vectors for {batch.Count} texts");
            foreach (var item in parsed.Data)
            {
                if (item.Embedding is null || item.Embedding.Length != options.Dimensions)
                    throw new InvalidDataException(
                        $"embedding endpoint returned {item.Embedding?.Length ?? 0} dimensions; {options.Dimensions} are configured (set Dimensions or choose a model that supports it)");
                if (item.Index < 0 || item.Index >= batch.Count)
                    throw new InvalidDataException($"embedding endpoint returned index {item.Index} for a batch of {batch.Count}");
                Vectors.Normalize(item.Embedding);
                result[start + item.Index] = item.Embedding;
            }
        }
        return result;
    }

    private string Url()
    {
        var root = (options.Endpoint ?? throw new InvalidOperationException("Governance:Embeddings:Endpoint is required for a remote provider")).TrimEnd('/');
        return options.Provider == "azure-openai"
            ? $"{root}/openai/deployments/{Uri.EscapeDataString(options.Model ?? "")}/embeddings?api-version={Uri.EscapeDataString(options.AzureApiVersion)}"
            : $"{root}/embeddings";
    }

    private object Body(List<string> batch) => options.Provider == "azure-openai"
        ? new { input = batch, dimensions = options.Dimensions }
        : new { input = batch, model = options.Model, dimensions = options.Dimensions };

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";

    private sealed record EmbeddingResponse([property: JsonPropertyName("data")] List<EmbeddingItem>? Data);
    private sealed record EmbeddingItem([property: JsonPropertyName("index")] int Index, [property: JsonPropertyName("embedding")] float[]? Embedding);
}
