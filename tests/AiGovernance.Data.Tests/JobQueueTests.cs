using AiGovernance.Data.Jobs;

namespace AiGovernance.Data.Tests;

/// <summary>The cross-tenant job queue: leases, SKIP LOCKED claims and the per-tenant filter.</summary>
[Collection(DatabaseCollection.Name)]
public class JobQueueTests(DatabaseFixture db)
{
    private static readonly DateTimeOffset Far = new(2400, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_tenant_filtered_claim_takes_only_that_tenants_jobs_and_a_lease_hides_them_until_it_ends()
    {
        var a = await db.NewTenantAsync("jq");
        var b = await db.NewTenantAsync("jq");
        var kind = "test-" + Guid.NewGuid().ToString("N")[..8];
        await using (var conn = await db.App.OpenConnectionAsync())
        {
            await JobQueue.ScheduleAsync(conn, null, a.Id, kind, "a-1", Far, default);
            await JobQueue.ScheduleAsync(conn, null, b.Id, kind, "b-1", Far, default);
        }

        var claimed = await JobQueue.ClaimAsync(db.App, [kind], Far, TimeSpan.FromMinutes(1), 10, default, a.Id);
        var whileLeased = await JobQueue.ClaimAsync(db.App, [kind], Far, TimeSpan.FromMinutes(1), 10, default, a.Id);
        var afterLease = await JobQueue.ClaimAsync(db.App, [kind], Far.AddMinutes(2), TimeSpan.FromMinutes(1), 10, default, a.Id);
        var everyone = await JobQueue.ClaimAsync(db.App, [kind], Far.AddMinutes(2), TimeSpan.FromMinutes(1), 10, default);

        Assert.Equal("a-1", Assert.Single(claimed).SubjectId);
        Assert.Empty(whileLeased);
        Assert.Equal(("a-1", 2), (Assert.Single(afterLease).SubjectId, afterLease[0].Attempts));
        Assert.Equal("b-1", Assert.Single(everyone).SubjectId);
    }
}
