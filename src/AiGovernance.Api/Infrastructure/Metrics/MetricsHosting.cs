using System.Security.Cryptography;
using System.Text;
using AiGovernance.Worker;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AiGovernance.Api.Infrastructure.Metrics;

/// <summary>Prometheus <c>/metrics</c> through OpenTelemetry: HTTP server, runtime, Npgsql, worker and business series.</summary>
public static class MetricsHosting
{
    public const string Path = "/metrics";

    public static IHostApplicationBuilder AddGovernanceMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (!builder.Configuration.GetValue($"{MetricsOptions.SectionName}:Enabled", true)) return builder;
        builder.Services.AddSingleton<MetricsCollector>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MetricsCollector>());
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("aigovernance"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")                // Npgsql's own meter: connections, commands, durations
                .AddMeter(WorkerPulse.MeterName)   // scoring duration histogram
                .AddMeter(GovernanceGauges.MeterName)
                .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// Maps the scrape endpoint. With a scrape token configured a request without <c>Authorization: Bearer &lt;token&gt;</c>
    /// gets 401; without one the endpoint is open and belongs on the monitoring network only.
    /// </summary>
    public static IEndpointRouteBuilder MapGovernanceMetrics(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled) return app;
        var collector = app.ServiceProvider.GetRequiredService<MetricsCollector>();
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: pipeline => pipeline.Use(async (http, next) =>
        {
            if (!string.IsNullOrEmpty(options.ScrapeToken) && !Authorized(http.Request.Headers.Authorization.ToString(), options.ScrapeToken))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
                return;
            }
            collector.Wake();
            await next(http);
        }), optionsName: null).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static bool Authorized(string header, string token)
    {
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.Ordinal)) return false;
        // Constant time, so the token cannot be guessed byte by byte from response times.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
