using System.Diagnostics;
using System.Globalization;

namespace AiGovernance.Cli.Bench.Pages;

/// <summary>Server time of repeated GETs, read from the Server-Timing header the host adds to every response.</summary>
public static class PageTimer
{
    public sealed record Timing(LatencyStats Server, LatencyStats Wall, int Bytes, int Status);

    public static async Task<Timing> MeasureAsync(HttpClient http, string path, int warmup, int samples, CancellationToken ct)
    {
        var server = new List<double>();
        var wall = new List<double>();
        var bytes = 0;
        var status = 0;
        for (var i = 0; i < warmup + samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            status = (int)response.StatusCode;
            if (status != 200) return new Timing(new LatencyStats([]), new LatencyStats([]), body.Length, status);
            if (i < warmup) continue;
            bytes = body.Length;
            wall.Add(elapsed);
            server.Add(ServerMs(response) ?? elapsed);
        }
        return new Timing(new LatencyStats(server), new LatencyStats(wall), bytes, status);
    }

    private static double? ServerMs(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var values)
        && values.FirstOrDefault() is { } v && v.Split("dur=") is [_, var ms]
        && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
