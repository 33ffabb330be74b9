using AiGovernance.Api.Infrastructure;
using AiGovernance.Data;
using AiGovernance.Data.Tenancy;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AiGovernance.Cli;

/// <summary>Configuration for the CLI: the same environment variables and appsettings keys as the hosts.</summary>
public static class CliContext
{
    public static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static NpgsqlDataSource OwnerDataSource()
    {
        try
        {
            return DataHostingExtensions.CreateDataSource(DataHostingExtensions.OwnerConnectionString(Configuration));
        }
        catch (InvalidOperationException ex)
        {
            // Said without a stack trace: the fix is an environment variable, not a bug report.
            throw new CliException($"{ex.Message} Set ConnectionStrings__GovernanceOwner, or `source scripts/test-env.sh` for the test database.");
        }
    }

    public static AuthOptions Auth()
    {
        var o = new AuthOptions();
        Configuration.GetSection(AuthOptions.SectionName).Bind(o);
        return o;
    }

    public static async Task<TenantRecord> RequireTenantAsync(NpgsqlDataSource owner, string slugOrId, CancellationToken ct)
    {
        await using var conn = await owner.OpenConnectionAsync(ct);
        return await Tenants.FindAsync(conn, slugOrId, ct)
            ?? throw new CliException($"no tenant '{slugOrId}' (known: {string.Join(", ", (await Tenants.ListAsync(conn, ct)).Select(t => t.Slug))})");
    }
}

/// <summary>An error the user can act on: printed without a stack trace, exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);
