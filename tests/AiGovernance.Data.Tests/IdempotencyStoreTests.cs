using System.Text;
using AiGovernance.Data.Idempotency;

namespace AiGovernance.Data.Tests;

[Collection(DatabaseCollection.Name)]
public class IdempotencyStoreTests(DatabaseFixture db)
{
    private static string Hash(string body) => IdempotencyStore.HashBody(Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task First_claim_is_fresh_then_the_same_body_replays_and_a_different_body_mismatches()
    {
        var t = await db.NewTenantAsync("idem");
        var stored = new StoredResponse(201, """{"id":"r-1"}""", "/requisitions/r-1");

        var first = await db.InScopeAsync(db.App, t.Id, async s =>
        {
            var claim = await IdempotencyStore.ClaimAsync(s, "u-anna", "key-1", Hash("body"), default);
            await IdempotencyStore.CompleteAsync(s, "u-anna", "key-1", stored, default);
            return claim;
        });
        var again = await db.InScopeAsync(db.App, t.Id, s => IdempotencyStore.ClaimAsync(s, "u-anna", "key-1", Hash("body"), default));
        var changed = await db.InScopeAsync(db.App, t.Id, s => IdempotencyStore.ClaimAsync(s, "u-anna", "key-1", Hash("other body"), default));

        Assert.IsType<IdempotencyClaim.Fresh>(first);
        Assert.Equal(stored, Assert.IsType<IdempotencyClaim.Replay>(again).Response);
        Assert.IsType<IdempotencyClaim.Mismatch>(changed);
    }

    [Fact]
    public async Task Keys_are_scoped_per_principal_and_per_tenant()
    {
        var a = await db.NewTenantAsync("idem");
        var b = await db.NewTenantAsync("idem");
        await db.InScopeAsync(db.App, a.Id, async s =>
        {
            await IdempotencyStore.ClaimAsync(s, "u-anna", "shared-key", Hash("x"), default);
            await IdempotencyStore.CompleteAsync(s, "u-anna", "shared-key", new StoredResponse(201, "{}", null), default);
            return 0;
        });

        var otherPrincipal = await db.InScopeAsync(db.App, a.Id, s => IdempotencyStore.ClaimAsync(s, "u-ben", "shared-key", Hash("y"), default));
        var otherTenant = await db.InScopeAsync(db.App, b.Id, s => IdempotencyStore.ClaimAsync(s, "u-anna", "shared-key", Hash("y"), default));

        Assert.IsType<IdempotencyClaim.Fresh>(otherPrincipal);
        Assert.IsType<IdempotencyClaim.Fresh>(otherTenant);
    }

    [Fact]
    public async Task A_rolled_back_request_releases_its_key()
    {
        var t = await db.NewTenantAsync("idem");
        await db.InScopeAsync(db.App, t.Id, s => IdempotencyStore.ClaimAsync(s, "u-anna", "key-2", Hash("body"), default), commit: false);

        var retry = await db.InScopeAsync(db.App, t.Id, s => IdempotencyStore.ClaimAsync(s, "u-anna", "key-2", Hash("body"), default), commit: false);

        Assert.IsType<IdempotencyClaim.Fresh>(retry);
    }

    [Fact]
    public void HashBody_is_lower_case_sha256_hex()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", IdempotencyStore.HashBody([]));
    }
}
