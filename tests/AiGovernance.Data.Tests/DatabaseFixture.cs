using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Schema;
using AiGovernance.Data.Seed;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Data.Tests;

/// <summary>
/// The real PostgreSQL of scripts/test-env.sh: migrated once per run, with a data source per role.
/// Missing configuration fails every test loudly; nothing here ever skips.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public const string AppRole = "aigov_app";

    public string AppConnectionString { get; } = Require("ConnectionStrings__Governance");
    public string OwnerConnectionString { get; } = Require("ConnectionStrings__GovernanceOwner");
    public string SuperConnectionString { get; } = Require("ConnectionStrings__GovernanceSuper");

    /// <summary>Connects as aigov_app: row-level security and the reduced grants apply.</summary>
    public NpgsqlDataSource App { get; private set; } = null!;
    /// <summary>Connects as the schema owner (RLS is forced on it too; the decision-log trigger still fires).</summary>
    public NpgsqlDataSource Owner { get; private set; } = null!;

    public static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException(
                $"{name} is not set. Run the data tests with: source scripts/test-env.sh && dotnet test tests/AiGovernance.Data.Tests");

    public async Task InitializeAsync()
    {
        await Migrator.MigrateAsync(OwnerConnectionString, AppRole);
        App = DataHostingExtensions.CreateDataSource(AppConnectionString);
        Owner = DataHostingExtensions.CreateDataSource(OwnerConnectionString);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Owner.DisposeAsync();
    }

    /// <summary>A fresh tenant with the demo master data under a unique slug, the default policy active.</summary>
    public Task<TenantRecord> NewTenantAsync(string prefix = "t")
    {
        var doc = SeedResources.DemoMasterData;
        var slug = $"{prefix}-{Guid.NewGuid():N}"[..24];
        doc = doc with { Tenant = doc.Tenant with { Slug = slug, Name = "Test " + slug } };
        return TenantProvisioner.CreateAsync(Owner, doc, SeedResources.DefaultPolicyYaml, TimeProvider.System);
    }

    public async Task<T> InScopeAsync<T>(NpgsqlDataSource db, Guid tenantId, Func<TenantScope, Task<T>> work, bool commit = true)
    {
        await using var scope = await TenantScope.BeginAsync(db, tenantId);
        var result = await work(scope);
        if (commit) await scope.CommitAsync();
        return result;
    }

    public Task<ChainVerification> VerifyAsync(Guid tenantId) =>
        InScopeAsync(App, tenantId, s => DecisionLogVerifier.VerifyAsync(s), commit: false);

    public async Task<IReadOnlyList<DecisionLogEntry>> AppendAsync(Guid tenantId, int count, string kind = "test_entry")
    {
        var added = new List<DecisionLogEntry>();
        for (var i = 0; i < count; i++)
            added.Add(await InScopeAsync(App, tenantId, s => DecisionLogWriter.AppendAsync(s,
                new NewDecisionLogEntry(kind, "u-test", "test", $"subject-{i}", new { n = i, note = "entry " + i }), TimeProvider.System)));
        return added;
    }

    public Task<StoredRequisition> SubmitAsync(Guid tenantId) => InScopeAsync(App, tenantId, s => SubmitRequisition.ExecuteAsync(s, "u-anna",
        new RequisitionDraft("LE-EU", "CC-EU-PHARMA", "sup-orgenics-ltd", "Pharmaceuticals-ARV", "EUR", Urgency.Normal, null,
            [new RequisitionLine("ITM-1", "Test kit", 10, "pack", 120m)], [], null),
        new PolicyCache(), TimeProvider.System, CancellationToken.None));

    /// <summary>Runs SQL as the superuser (bypasses RLS), e.g. to tamper with the log the way an attacker with DBA rights would.</summary>
    public async Task SuperExecAsync(string sql, params object[] args)
    {
        await using var conn = new NpgsqlConnection(SuperConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Disables the append-only trigger for one statement, atomically: ALTER TABLE holds its lock until
    /// commit, so no other session ever sees the trigger disabled.
    /// </summary>
    public async Task TamperAsync(string statement, params object[] args)
    {
        await using var conn = new NpgsqlConnection(SuperConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("ALTER TABLE decision_log DISABLE TRIGGER decision_log_no_update", conn, tx))
            await off.ExecuteNonQueryAsync();
        await using (var cmd = new NpgsqlCommand(statement, conn, tx))
        {
            foreach (var a in args) cmd.Parameters.AddWithValue(a);
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }
        await using (var on = new NpgsqlCommand("ALTER TABLE decision_log ENABLE TRIGGER decision_log_no_update", conn, tx))
            await on.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "database";
}
