using System.Diagnostics;
using System.Globalization;

namespace AiGovernance.Api.Web;

/// <summary>
/// Adds <c>Server-Timing: app;dur=…</c> (milliseconds from the request reaching the app to its headers
/// being sent; pages and JSON are buffered, so that is the whole render). Browsers show it in their
/// developer tools, and `aigov bench pages` reads it to report server time apart from the network.
/// </summary>
public static class ServerTiming
{
    public const string Header = "Server-Timing";

    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        http.Response.OnStarting(() =>
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            http.Response.Headers[Header] = "app;dur=" + ms.ToString("0.0", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(http);
    });
}
