using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AiGovernance.Worker.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiGovernance.Api.Tests.Outbox;

/// <summary>One POST as the receiver saw it, and what it answered.</summary>
public sealed record ReceivedPost(IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredStatus, bool Duplicate)
{
    public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"no header {name}");
}

/// <summary>
/// A real ERP stand-in on a loopback Kestrel port: records every request, dedupes by Idempotency-Key
/// as a well-behaved receiver does, and can be told to fail the next N requests or to hold requests
/// until released (to catch a dispatcher mid-flight).
/// </summary>
public sealed class ErpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedPost> _posts = new();
    private readonly ConcurrentDictionary<string, byte> _accepted = new(StringComparer.Ordinal);
    private int _failNext;

    public string Url { get; private set; } = "";
    public IReadOnlyList<ReceivedPost> Posts => _posts.ToList();
    /// <summary>Idempotency keys the receiver booked (each once, however often it was sent).</summary>
    public IReadOnlyCollection<string> Accepted => _accepted.Keys.ToList();
    public int FailureStatus { get; set; } = 503;
    /// <summary>When set, each request waits for it before answering.</summary>
    public TaskCompletionSource? Gate { get; set; }
    /// <summary>Completes when a request has arrived (reset it to watch for the next one).</summary>
    public TaskCompletionSource Arrived { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ErpReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/po", (Func<HttpContext, Task<IResult>>)HandleAsync);
    }

    public void FailNext(int count) => Volatile.Write(ref _failNext, count);

    public static async Task<ErpReceiver> StartAsync()
    {
        var receiver = new ErpReceiver();
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/po";
        return receiver;
    }

    /// <summary>A loopback URL nothing listens on: the ERP is down.</summary>
    public static string DownUrl()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}/po";
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Arrived.TrySetResult();
        if (Gate is { } gate) await gate.Task;
        var fail = Interlocked.Decrement(ref _failNext) >= 0;
        var key = headers.GetValueOrDefault(OutboxSender.IdempotencyHeader, "");
        var duplicate = !fail && !_accepted.TryAdd(key, 0);
        var status = fail ? FailureStatus : 200;
        _posts.Enqueue(new ReceivedPost(headers, buffer.ToArray(), status, duplicate));
        return fail ? Results.StatusCode(status) : Results.Ok(new { received = key, duplicate });
    }

    public async ValueTask DisposeAsync()
    {
        Gate?.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
