using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiGovernance.Agents.Tests.Infrastructure;

/// <summary>
/// A scripted OpenAI-compatible chat completions server on loopback (random port). Each request takes the
/// next scripted response; every request is recorded (path, headers, body) for assertions. When the script
/// is exhausted it answers 500, so a test that makes more calls than it planned fails loudly.
/// </summary>
public sealed class OpenAiStubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<StubResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private OpenAiStubServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The OpenAI-compatible base URL (…/v1) to configure as the endpoint.</summary>
    public Uri OpenAiEndpoint => new(BaseAddress, "/v1/");

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public static async Task<OpenAiStubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new OpenAiStubServer(app);
        app.MapPost("/v1/chat/completions", stub.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", stub.HandleAsync);
        await app.StartAsync();
        // With port 0 Kestrel picks a free port; the bound address is known only once started.
        var address = app.Urls.First();
        stub.BaseAddress = new Uri(address);
        return stub;
    }

    public OpenAiStubServer ReplyText(string text, int promptTokens = 10, int completionTokens = 5)
    {
        _script.Enqueue(new StubResponse(text, [], promptTokens, completionTokens));
        return this;
    }

    public OpenAiStubServer ReplyToolCalls(params (string Name, object Arguments)[] calls) => ReplyToolCalls(20, 8, calls);

    public OpenAiStubServer ReplyToolCalls(int promptTokens, int completionTokens, params (string Name, object Arguments)[] calls)
    {
        _script.Enqueue(new StubResponse(null, calls.Select(c => (c.Name, JsonSerializer.Serialize(c.Arguments))).ToList(), promptTokens, completionTokens));
        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        _requests.Enqueue(new RecordedRequest(context.Request.Path + context.Request.QueryString, headers, JsonNode.Parse(body)!));
        context.Response.ContentType = "application/json";
        if (!_script.TryDequeue(out var next))
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("""{"error":{"message":"stub script exhausted","type":"server_error"}}""");
            return;
        }
        await context.Response.WriteAsync(next.ToJson(_requests.Count));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record StubResponse(string? Text, List<(string Name, string ArgumentsJson)> ToolCalls, int PromptTokens, int CompletionTokens)
    {
        public string ToJson(int sequence)
        {
            var message = new JsonObject { ["role"] = "assistant", ["content"] = Text };
            if (ToolCalls.Count > 0)
                message["tool_calls"] = new JsonArray(ToolCalls.Select((c, i) => (JsonNode)new JsonObject
                {
                    ["id"] = $"call_{sequence}_{i}",
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.ArgumentsJson },
                }).ToArray());
            var response = new JsonObject
            {
                ["id"] = $"chatcmpl-stub-{sequence}",
                ["object"] = "chat.completion",
                ["created"] = 1_764_000_000,
                ["model"] = "stub-model",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = message,
                    ["finish_reason"] = ToolCalls.Count > 0 ? "tool_calls" : "stop",
                }),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = PromptTokens,
                    ["completion_tokens"] = CompletionTokens,
                    ["total_tokens"] = PromptTokens + CompletionTokens,
                },
            };
            return response.ToJsonString();
        }
    }
}

/// <summary>One request the stub received; header names are lower-cased.</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers, JsonNode Body)
{
    /// <summary>The names of the tools (functions) the request advertised.</summary>
    public IReadOnlyList<string> ToolNames =>
        Body["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList() ?? [];

    /// <summary>The messages with role "tool": the function results sent back to the model.</summary>
    public IReadOnlyList<string> ToolResults =>
        Body["messages"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "tool")
            .Select(m => m!["content"]!.ToString()).ToList();
}
