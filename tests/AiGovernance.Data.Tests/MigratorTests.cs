using AiGovernance.Data.Schema;

namespace AiGovernance.Data.Tests;

[Collection(DatabaseCollection.Name)]
public class MigratorTests(DatabaseFixture db)
{
    [Fact]
    public async Task A_second_run_applies_nothing_and_reports_every_migration_as_already_applied()
    {
        var result = await Migrator.MigrateAsync(db.OwnerConnectionString, DatabaseFixture.AppRole);

        Assert.Empty(result.Applied);
        Assert.Contains("0001_core.sql", result.AlreadyApplied);
    }

    [Fact]
    public async Task Concurrent_runs_wait_for_each_other_on_the_advisory_lock()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Migrator.MigrateAsync(db.OwnerConnectionString, DatabaseFixture.AppRole)));

        Assert.All(results, r => Assert.Empty(r.Applied));
    }
}
