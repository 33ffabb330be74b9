using AiGovernance.Api.Infrastructure;
using AiGovernance.Data;
using AiGovernance.Data.Schema;
using AiGovernance.Data.Seed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace AiGovernance.Api.Tests.Infrastructure;

/// <summary>
/// One API host and one migrated database for all integration tests. Every test then provisions its
/// own tenant, so tests never see each other's rows. Missing configuration or an unreachable server
/// fails the whole collection: these tests never skip.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string AppRole = "aigov_app";

    public string AppConnectionString { get; } = Required("ConnectionStrings__Governance");
    public string OwnerConnectionString { get; } = Required("ConnectionStrings__GovernanceOwner");
    public string SuperConnectionString { get; } = Required("ConnectionStrings__GovernanceSuper");
    public AuthOptions Auth { get; } = new() { SigningKey = Required("Governance__Auth__SigningKey") };

    public NpgsqlDataSource OwnerDb { get; private set; } = null!;
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            await Migrator.MigrateAsync(OwnerConnectionString, AppRole);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                "PostgreSQL is unreachable with ConnectionStrings__GovernanceOwner. Run `source scripts/test-env.sh` first. " + ex.Message, ex);
        }
        OwnerDb = DataHostingExtensions.CreateDataSource(OwnerConnectionString);
        Factory = CreateFactory();
        // Start the host now so a broken configuration fails here, not in the first test.
        using var client = Factory.CreateClient();
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        live.EnsureSuccessStatusCode();
    }

    /// <summary>A host against the same database; settings override configuration (e.g. Governance:Api:PermitsPerMinute).</summary>
    public static WebApplicationFactory<Program> CreateFactory(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Governance:Logging:Directory", Path.Combine(Path.GetTempPath(), "aigov-api-tests-logs"));
            // The tests' ERP receivers listen on loopback.
            b.UseSetting("Governance:Outbox:AllowPrivateEndpoints", "true");
            // Scoring runs only in the detection tests' own hosts, so background scoring never changes another test's chain.
            b.UseSetting("Governance:Detection:Enabled", "false");
            // Likewise the follow-up agent, which would otherwise post drafts into every test's tenant.
            b.UseSetting("Governance:Agents:FollowUp:Enabled", "false");
            // The workspace pages' development sign-in (the browser tests pick a user of their tenant).
            b.UseSetting("Governance:Web:DevSignIn", "true");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });

    /// <summary>A fresh tenant with the demo master data under a unique slug, and the given (or default) policy active.</summary>
    public async Task<TestTenant> CreateTenantAsync(string? policyYaml = null, WebApplicationFactory<Program>? factory = null)
    {
        var demo = SeedResources.DemoMasterData;
        var slug = "t-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        var doc = demo with { Tenant = demo.Tenant with { Slug = slug, Name = $"Test tenant {slug}" } };
        var record = await TenantProvisioner.CreateAsync(OwnerDb, doc, policyYaml ?? SeedResources.DefaultPolicyYaml, TimeProvider.System);
        return new TestTenant(this, factory ?? Factory, record, doc);
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
        if (OwnerDb is not null) await OwnerDb.DisposeAsync();
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Environment variable {name} is not set. Integration tests need the real PostgreSQL: run `source scripts/test-env.sh` in the shell that runs `dotnet test`.");
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
