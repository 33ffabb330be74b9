using AiGovernance.Data;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Schema;
using AiGovernance.Data.Seed;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Cli.Tests;

/// <summary>
/// The database of scripts/test-env.sh (the CLI process inherits the same environment). Fails loudly
/// when the connection strings or the signing key are missing.
/// </summary>
public sealed class CliDatabaseFixture : IAsyncLifetime
{
    public string OwnerConnectionString { get; } = Require("ConnectionStrings__GovernanceOwner");
    public string SuperConnectionString { get; } = Require("ConnectionStrings__GovernanceSuper");
    public NpgsqlDataSource Owner { get; private set; } = null!;

    public static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException(
                $"{name} is not set. Run the CLI tests with: source scripts/test-env.sh && dotnet test tests/AiGovernance.Cli.Tests");

    public async Task InitializeAsync()
    {
        Require("ConnectionStrings__Governance");
        Require("Governance__Auth__SigningKey");
        await Migrator.MigrateAsync(OwnerConnectionString, "aigov_app");
        Owner = DataHostingExtensions.CreateDataSource(OwnerConnectionString);
    }

    public async Task DisposeAsync() => await Owner.DisposeAsync();

    public Task<TenantRecord> NewTenantAsync()
    {
        var doc = SeedResources.DemoMasterData;
        var slug = $"cli-{Guid.NewGuid():N}"[..24];
        doc = doc with { Tenant = doc.Tenant with { Slug = slug, Name = "CLI test " + slug } };
        return TenantProvisioner.CreateAsync(Owner, doc, SeedResources.DefaultPolicyYaml, TimeProvider.System);
    }

    public async Task AppendAsync(Guid tenantId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = await TenantScope.BeginAsync(Owner, tenantId);
            await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry("test_entry", "u-test", "test", $"s-{i}",
                new { i, text = "comma, \"quote\" and\nnewline" }), TimeProvider.System);
            await scope.CommitAsync();
        }
    }

    public async Task<long> CountEntriesAsync(Guid tenantId)
    {
        await using var scope = await TenantScope.BeginAsync(Owner, tenantId);
        await using var cmd = scope.Command("SELECT count(*) FROM decision_log");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Alters one payload as a superuser would, with the append-only trigger off only inside this transaction.</summary>
    public async Task TamperLastEntryAsync(Guid tenantId)
    {
        await using var conn = new NpgsqlConnection(SuperConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        foreach (var sql in new[]
        {
            "ALTER TABLE decision_log DISABLE TRIGGER decision_log_no_update",
            "UPDATE decision_log SET payload = '{\"i\": 999}' WHERE seq = (SELECT max(seq) FROM decision_log WHERE tenant_id = $1)",
            "ALTER TABLE decision_log ENABLE TRIGGER decision_log_no_update",
        })
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx);
            if (sql.Contains("$1", StringComparison.Ordinal)) cmd.Parameters.AddWithValue(tenantId);
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CliDatabaseCollection : ICollectionFixture<CliDatabaseFixture>
{
    public const string Name = "cli-database";
}
