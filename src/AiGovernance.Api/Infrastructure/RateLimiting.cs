using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AiGovernance.Api.Infrastructure;

public static class RateLimiting
{
    public const string PerCaller = "per-caller";

    /// <summary>A fixed window per caller (tenant and user; the IP address for anonymous calls such as webhooks); 429 beyond it.</summary>
    public static IServiceCollection AddGovernanceRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = ProblemMapping.Problem(429, "rate_limited", "Too many requests from this caller; retry after the Retry-After interval."),
                });
            };
            o.AddPolicy(PerCaller, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.PermitsPerMinute;
                var key = http.User.FindFirst("sub")?.Value is { } sub ? $"{http.User.FindFirst("tid")?.Value}/{sub}" : http.Connection.RemoteIpAddress?.ToString() ?? "anon";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
