using AiGovernance.Data.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AiGovernance.Data;

public static class DataHostingExtensions
{
    public const string ConnectionName = "Governance";
    /// <summary>Connection used for migrations and seeding; defaults to the application connection.</summary>
    public const string OwnerConnectionName = "GovernanceOwner";

    public static IHostApplicationBuilder AddGovernanceData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GovernanceDataOptions>()
            .BindConfiguration(GovernanceDataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                "ConnectionStrings:Governance is not set. ./run.sh sets it for the embedded database; " +
                "otherwise set ConnectionStrings__Governance.");
        builder.Services.AddSingleton(_ => CreateDataSource(connectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(PolicyCache.Shared);
        return builder;
    }

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var b = new NpgsqlDataSourceBuilder(connectionString);
        // Hot statements (tenant scope, locks, log append) are re-planned less when prepared; an explicit setting wins.
        if (b.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            b.ConnectionStringBuilder.MaxAutoPrepare = 64;
            b.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }
        b.UseVector();
        b.EnableDynamicJson();
        // The pool's name labels Npgsql's metrics on /metrics; unnamed it is the connection string (host, database, user).
        b.Name = b.ConnectionStringBuilder.Username ?? "governance";
        return b.Build();
    }

    public static string OwnerConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(OwnerConnectionName)
        ?? configuration.GetConnectionString(ConnectionName)
        ?? throw new InvalidOperationException("ConnectionStrings:GovernanceOwner (or :Governance) is not set.");
}
