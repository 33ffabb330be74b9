using AiGovernance.Data.Seed;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Data.Tests;

[Collection(DatabaseCollection.Name)]
public class DemoSeederTests(DatabaseFixture db)
{
    [Fact]
    public async Task Seeding_twice_creates_the_demo_tenant_once()
    {
        // "demo" is global to the database and another test project may be seeding it right now: a losing
        // race surfaces as a unique violation on the slug, after which the tenant exists.
        DemoSeeder.Result first;
        try
        {
            first = await DemoSeeder.SeedAsync(db.Owner, TimeProvider.System);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            first = await DemoSeeder.SeedAsync(db.Owner, TimeProvider.System);
        }

        var second = await DemoSeeder.SeedAsync(db.Owner, TimeProvider.System);

        Assert.False(second.Created);
        Assert.Equal((0, 0), (second.HistoryRequisitions, second.LiveRequisitions));
        Assert.Equal(first.Tenant, second.Tenant);
        Assert.Equal(DemoSeeder.DemoSlug, second.Tenant.Slug);
        if (first.Created) Assert.True(first.HistoryRequisitions > 0 && first.LiveRequisitions == 8, $"{first}");

        var (requisitions, users, valid) = await db.InScopeAsync(db.App, second.Tenant.Id, async s =>
        {
            await using var cmd = s.Command("SELECT (SELECT count(*) FROM requisitions), (SELECT count(*) FROM app_users), (SELECT count(*) FROM price_history)");
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            var counts = (r.GetInt64(0), r.GetInt64(1));
            Assert.True(r.GetInt64(2) > 0, "the demo seed loads price history for the price-variance detector");
            await r.DisposeAsync();
            return (counts.Item1, counts.Item2, (await AiGovernance.Data.DecisionLog.DecisionLogVerifier.VerifyAsync(s)).Valid);
        }, commit: false);
        Assert.True(requisitions >= 8, $"{requisitions} requisitions");
        Assert.Equal(SeedResources.DemoMasterData.Users.Count, users);
        Assert.True(valid);
    }

    [Fact]
    public async Task The_demo_tenant_can_be_found_by_slug_and_by_id()
    {
        var tenant = await db.NewTenantAsync("find");
        await using var conn = await db.Owner.OpenConnectionAsync();

        Assert.Equal(tenant, await Tenants.FindAsync(conn, tenant.Slug, default));
        Assert.Equal(tenant, await Tenants.FindAsync(conn, tenant.Id.ToString(), default));
        Assert.Null(await Tenants.FindAsync(conn, "no-such-tenant", default));
    }

    [Fact]
    public async Task Provisioning_a_duplicate_slug_fails_and_leaves_nothing_behind()
    {
        var tenant = await db.NewTenantAsync("dup");
        var doc = SeedResources.DemoMasterData;
        doc = doc with { Tenant = doc.Tenant with { Slug = tenant.Slug } };

        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            TenantProvisioner.CreateAsync(db.Owner, doc, SeedResources.DefaultPolicyYaml, TimeProvider.System));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
        await using var conn = await db.Owner.OpenConnectionAsync();
        Assert.Single(await Tenants.ListAsync(conn, default), t => t.Slug == tenant.Slug);
    }
}
