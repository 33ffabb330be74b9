using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiGovernance.Api.Infrastructure;

/// <summary>
/// The readiness report as JSON: overall status plus each check's status and message, so an operator
/// reads "model duplicate 2026-11-29.1 could not be loaded …" instead of a bare "Degraded".
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }
}
