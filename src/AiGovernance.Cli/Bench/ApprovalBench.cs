using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace AiGovernance.Cli.Bench;

/// <summary>What one timed phase saw. Only 200 responses count as approvals; anything else is an error.</summary>
public sealed record PhaseResult(int Approvals, int Errors, double Seconds, LatencyStats Latency, bool RanOutOfIds, IReadOnlyList<string> ErrorSamples,
    double SecondHalfPerSecond)
{
    public double PerSecond => Seconds > 0 ? Approvals / Seconds : double.NaN;
}

/// <summary>
/// Closed-loop load: each client takes the next pending requisition from a shared queue, approves it over
/// HTTP as the approver, waits for the answer and repeats, until the phase's time is up or the queue is empty.
/// </summary>
public static class ApprovalBench
{
    private static readonly byte[] ApproveBody = Encoding.UTF8.GetBytes("""{"decision":"approve","step":0}""");

    public static HttpClient CreateClient(Uri baseAddress, string bearerToken)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = 1024,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", bearerToken);
        return http;
    }

    public static async Task<PhaseResult> RunPhaseAsync(HttpClient http, ConcurrentQueue<Guid> ids, int clients, TimeSpan duration, string label,
        Action<string> progress, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var half = start + (end - start) / 2;
        var okSecondHalf = 0;
        var ranOut = 0;
        var okCount = 0;
        var errorCount = 0;
        var samples = new ConcurrentQueue<string>();
        var latencies = new List<double>[clients];
        var lastEnd = new long[clients];

        async Task Worker(int w)
        {
            var mine = latencies[w] = new List<double>(4096);
            while (!ct.IsCancellationRequested)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= end) break;
                if (!ids.TryDequeue(out var id)) { Interlocked.Exchange(ref ranOut, 1); break; }
                var error = await ApproveAsync(http, id, ct);
                var t1 = lastEnd[w] = Stopwatch.GetTimestamp();
                if (error is null)
                {
                    mine.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                    Interlocked.Increment(ref okCount);
                    if (t1 >= half) Interlocked.Increment(ref okSecondHalf);
                }
                else
                {
                    Interlocked.Increment(ref errorCount);
                    if (samples.Count < 5) samples.Enqueue(error);
                }
            }
        }

        using var ticker = new CancellationTokenSource();
        var report = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await Task.Delay(1000, ticker.Token);
                    progress($"{clients} clients, {label}: {Volatile.Read(ref okCount)} approved, {Volatile.Read(ref errorCount)} errors, {ids.Count} ids left");
                }
            }
            catch (OperationCanceledException) { }
        }, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, clients).Select(w => Task.Run(() => Worker(w), ct)));
        await ticker.CancelAsync();
        await report;

        // Throughput over the time the phase actually ran: to the last response, which may be early if ids ran out.
        var last = lastEnd.Max();
        var seconds = last > start ? Stopwatch.GetElapsedTime(start, last).TotalSeconds : 0;
        // The second half's rate is past JIT and connection set-up: a better guess of the steady rate.
        var secondHalf = last > half ? okSecondHalf / Stopwatch.GetElapsedTime(half, last).TotalSeconds : double.NaN;
        return new PhaseResult(okCount, errorCount, seconds, new LatencyStats(latencies.Where(l => l is not null).SelectMany(l => l)),
            ranOut == 1, [.. samples], secondHalf);
    }

    /// <summary>One approval; null when the API answered 200, else a short description of what it answered.</summary>
    private static async Task<string?> ApproveAsync(HttpClient http, Guid id, CancellationToken ct)
    {
        try
        {
            using var content = new ByteArrayContent(ApproveBody);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync($"api/requisitions/{id}/decisions", content, ct);
            // Read the body either way: the connection is reused only once it is drained.
            var body = await response.Content.ReadAsStringAsync(ct);
            return response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
