using Serilog;
using Serilog.Context;
using Serilog.Formatting.Compact;

namespace AiGovernance.Api.Infrastructure;

public static class Logging
{
    public const string CorrelationHeader = "X-Correlation-ID";

    /// <summary>Serilog once for the host: structured console plus a rolling compact-JSON file.</summary>
    public static IHostApplicationBuilder AddGovernanceLogging(this IHostApplicationBuilder builder)
    {
        var logDir = builder.Configuration["Governance:Logging:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "logs");
        builder.Services.AddSerilog((services, cfg) => cfg
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}")
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(logDir, "aigov-.json"), rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14, fileSizeLimitBytes: 100 * 1024 * 1024, rollOnFileSizeLimit: true));
        return builder;
    }

    /// <summary>Takes the caller's correlation id (or makes one), echoes it, and puts it on every log event.</summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var id = http.Request.Headers[CorrelationHeader].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100) id = http.TraceIdentifier;
        http.TraceIdentifier = id;
        http.Response.Headers[CorrelationHeader] = id;
        using (LogContext.PushProperty("CorrelationId", id)) await next(http);
    });
}
