using Npgsql;

namespace AiGovernance.Api.Infrastructure;

/// <summary>Ready means: the database answers and the schema is migrated.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var cmd = db.CreateCommand("SELECT count(*) FROM schema_migrations");
            var n = (long)(await cmd.ExecuteScalarAsync(ct))!;
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy($"{n} migrations applied");
        }
        catch (Exception ex)
        {
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("database unreachable or not migrated", ex);
        }
    }
}
