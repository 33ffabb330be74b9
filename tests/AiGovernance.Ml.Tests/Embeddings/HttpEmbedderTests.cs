using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Ml.Embeddings;

namespace AiGovernance.Ml.Tests.Embeddings;

/// <summary>The remote embedder against a small OpenAI-compatible stub on loopback.</summary>
public sealed class HttpEmbedderTests
{
    [Fact]
    public async Task Openai_compatible_requests_carry_model_dimensions_and_bearer_key_and_vectors_come_back_normalized_in_order()
    {
        await using var stub = StubServer.Start(dims: 4, shuffle: true);
        var embedder = Embedders.Create(new EmbeddingOptions { Provider = "openai", Endpoint = stub.BaseUrl + "/v1", ApiKey = "k-123", Model = "text-embedding-3-small", Dimensions = 4, BatchSize = 2 },
            () => new HttpClient());

        var vectors = await embedder.EmbedAsync(["a", "bb", "ccc"]);

        Assert.Equal(3, vectors.Length);
        Assert.Equal(2, stub.Requests.Count); // batches of two
        var first = stub.Requests[0];
        Assert.Equal("/v1/embeddings", first.Path);
        Assert.Equal("Bearer k-123", first.Authorization);
        Assert.Equal("text-embedding-3-small", first.Body["model"]!.GetValue<string>());
        Assert.Equal(4, first.Body["dimensions"]!.GetValue<int>());
        // The stub encodes the text length in the first component: order survives a shuffled response.
        Assert.True(vectors[0][0] < vectors[1][0] && vectors[1][0] < vectors[2][0]);
        foreach (var v in vectors) Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 4);
        Assert.Equal("openai:text-embedding-3-small", embedder.ModelId);
    }

    [Fact]
    public async Task Azure_openai_uses_the_deployment_url_and_api_key_header()
    {
        await using var stub = StubServer.Start(dims: 4);
        var embedder = Embedders.Create(new EmbeddingOptions { Provider = "azure-openai", Endpoint = stub.BaseUrl, ApiKey = "az", Model = "emb-small", Dimensions = 4 },
            () => new HttpClient());

        await embedder.EmbedAsync(["x"]);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("/openai/deployments/emb-small/embeddings", request.Path);
        Assert.Contains("api-version=", request.Query);
        Assert.Equal("az", request.ApiKey);
    }

    [Fact]
    public async Task A_model_with_the_wrong_vector_size_fails_loudly()
    {
        await using var stub = StubServer.Start(dims: 1536);
        var embedder = Embedders.Create(new EmbeddingOptions { Provider = "openai", Endpoint = stub.BaseUrl, Model = "m" }, () => new HttpClient());

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => embedder.EmbedAsync(["x"]));
        Assert.Contains("1536 dimensions; 384 are configured", ex.Message);
    }

    [Fact]
    public async Task An_error_status_is_reported_with_the_servers_message()
    {
        await using var stub = StubServer.Start(dims: 4, status: 401);
        var embedder = Embedders.Create(new EmbeddingOptions { Provider = "openai", Endpoint = stub.BaseUrl, Model = "m", Dimensions = 4 }, () => new HttpClient());

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => embedder.EmbedAsync(["x"]));
        Assert.Contains("401", ex.Message);
        Assert.Contains("invalid api key", ex.Message);
    }

    private sealed record SeenRequest(string Path, string Query, string? Authorization, string? ApiKey, JsonObject Body);

    private sealed class StubServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        public List<SeenRequest> Requests { get; } = [];
        public string BaseUrl { get; }

        private StubServer(int dims, bool shuffle, int status)
        {
            var port = FreePort();
            BaseUrl = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(BaseUrl + "/");
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext ctx;
                    try { ctx = await _listener.GetContextAsync(); } catch (Exception) { return; }
                    using var reader = new StreamReader(ctx.Request.InputStream);
                    var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
                    lock (Requests) Requests.Add(new SeenRequest(ctx.Request.Url!.AbsolutePath, ctx.Request.Url.Query, ctx.Request.Headers["Authorization"], ctx.Request.Headers["api-key"], body));
                    string json;
                    if (status != 200) json = """{"error":{"message":"invalid api key"}}""";
                    else
                    {
                        var inputs = body["input"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
                        var data = inputs.Select((text, i) => new { index = i, embedding = Enumerable.Range(0, dims).Select(d => d == 0 ? text.Length : 1f).ToArray() }).ToList();
                        if (shuffle) data.Reverse();
                        json = JsonSerializer.Serialize(new { data });
                    }
                    ctx.Response.StatusCode = status;
                    var bytes = Encoding.UTF8.GetBytes(json);
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.OutputStream.WriteAsync(bytes);
                    ctx.Response.Close();
                }
            });
        }

        public static StubServer Start(int dims, bool shuffle = false, int status = 200) => new(dims, shuffle, status);

        private static int FreePort()
        {
            using var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            return ((IPEndPoint)l.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
