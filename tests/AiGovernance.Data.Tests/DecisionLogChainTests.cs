using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Tests;

[Collection(DatabaseCollection.Name)]
public class DecisionLogChainTests(DatabaseFixture db)
{
    private async Task<(TenantRecord Tenant, List<DecisionLogEntry> Entries)> TenantWithLogAsync(int appended)
    {
        var tenant = await db.NewTenantAsync("log");
        await db.AppendAsync(tenant.Id, appended);
        var entries = await db.InScopeAsync(db.App, tenant.Id, async s =>
        {
            var list = new List<DecisionLogEntry>();
            await foreach (var e in DecisionLogReader.ReadAsync(s, new DecisionLogFilter(Limit: 0))) list.Add(e);
            return list;
        }, commit: false);
        return (tenant, entries);
    }

    [Fact]
    public async Task The_chain_is_valid_after_provisioning_and_appends()
    {
        var (tenant, entries) = await TenantWithLogAsync(appended: 6);

        var result = await db.VerifyAsync(tenant.Id);

        Assert.True(result.Valid, result.Problem);
        Assert.Equal(entries.Count, result.EntriesChecked);
        Assert.Equal((entries[^1].Seq, entries[^1].Hash), (result.LastSeq!.Value, result.LastHash!));
        Assert.Null(result.FirstBrokenSeq);
        Assert.Equal(DecisionLogKinds.TenantCreated, entries[0].Kind);
        Assert.Equal(DecisionLogEntry.GenesisHash, entries[0].PrevHash);
        Assert.All(entries.Skip(1).Zip(entries), p => Assert.Equal(p.Second.Hash, p.First.PrevHash));
        Assert.All(entries, e => Assert.Equal(e.ExpectedHash(), e.Hash));
    }

    [Fact]
    public async Task The_writer_returns_exactly_what_is_stored()
    {
        var tenant = await db.NewTenantAsync("log");

        var written = await db.InScopeAsync(db.App, tenant.Id, s => DecisionLogWriter.AppendAsync(s,
            new NewDecisionLogEntry("test_entry", "u-karl", "requisition", "REQ-1", new { z = 1, a = new[] { "x", "ü €" }, m = 12.50m }, OnBehalfOf: "u-david"),
            TimeProvider.System));
        var stored = await db.InScopeAsync(db.App, tenant.Id, async s =>
        {
            await foreach (var e in DecisionLogReader.ReadAsync(s, new DecisionLogFilter(SubjectId: "REQ-1"))) return e;
            throw new InvalidOperationException("entry not found");
        }, commit: false);

        Assert.Equal(written with { PayloadJson = "" }, stored with { PayloadJson = "" });
        Assert.Equal(written.PayloadJson, CanonicalJson.Canonicalize(stored.PayloadJson));
        Assert.Equal("""{"a":["x","ü €"],"m":12.50,"z":1}""", written.PayloadJson);
        Assert.Equal(stored.Hash, stored.ExpectedHash());
    }

    [Fact]
    public async Task An_edited_payload_is_named_as_the_first_broken_entry()
    {
        var (tenant, entries) = await TenantWithLogAsync(appended: 5);
        var victim = entries[4];

        await db.TamperAsync("""UPDATE decision_log SET payload = jsonb_set(payload, '{note}', '"rewritten"') WHERE seq = $1""", victim.Seq);
        var result = await db.VerifyAsync(tenant.Id);

        Assert.False(result.Valid);
        Assert.Equal(victim.Seq, result.FirstBrokenSeq);
        Assert.Equal(4, result.EntriesChecked);
        Assert.Contains("altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_actor_with_a_recomputed_hash_breaks_the_next_link()
    {
        var (tenant, entries) = await TenantWithLogAsync(appended: 4);
        var victim = entries[3];
        var forged = DecisionLogEntry.ComputeHash(victim.Seq, victim.PrevHash, DecisionLogEntry.CanonicalContent(victim.TenantId, victim.Kind,
            "u-mallory", victim.OnBehalfOf, victim.SubjectType, victim.SubjectId, victim.PayloadJson, victim.RecordedAt));

        await db.TamperAsync("UPDATE decision_log SET actor = 'u-mallory', hash = $2 WHERE seq = $1", victim.Seq, forged);
        var result = await db.VerifyAsync(tenant.Id);

        Assert.False(result.Valid);
        Assert.Equal(entries[4].Seq, result.FirstBrokenSeq);
    }

    [Fact]
    public async Task A_deleted_middle_entry_is_reported_at_the_entry_after_it()
    {
        var (tenant, entries) = await TenantWithLogAsync(appended: 5);

        await db.TamperAsync("DELETE FROM decision_log WHERE seq = $1", entries[4].Seq);
        var result = await db.VerifyAsync(tenant.Id);

        Assert.False(result.Valid);
        Assert.Equal(entries[5].Seq, result.FirstBrokenSeq);
        Assert.Contains("removed", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_tail_disagrees_with_the_chain_head()
    {
        var (tenant, entries) = await TenantWithLogAsync(appended: 3);

        await db.TamperAsync("DELETE FROM decision_log WHERE seq = $1", entries[^1].Seq);
        var result = await db.VerifyAsync(tenant.Id);

        Assert.False(result.Valid);
        Assert.Equal(entries[^1].Seq, result.FirstBrokenSeq);
        Assert.Equal(entries[^2].Seq, result.LastSeq);
        Assert.Contains("end were removed", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tampering_with_one_tenant_leaves_other_chains_valid()
    {
        var (a, entriesA) = await TenantWithLogAsync(appended: 2);
        var (b, _) = await TenantWithLogAsync(appended: 2);

        await db.TamperAsync("""UPDATE decision_log SET payload = '{"n":99}' WHERE seq = $1""", entriesA[^1].Seq);

        Assert.False((await db.VerifyAsync(a.Id)).Valid);
        Assert.True((await db.VerifyAsync(b.Id)).Valid);
    }

    [Fact]
    public async Task Concurrent_appends_to_one_tenant_keep_the_chain_valid()
    {
        var tenant = await db.NewTenantAsync("conc");
        var before = (await db.VerifyAsync(tenant.Id)).EntriesChecked;
        const int Writers = 8, PerWriter = 6;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
                await db.InScopeAsync(db.App, tenant.Id, s => DecisionLogWriter.AppendAsync(s,
                    new NewDecisionLogEntry("test_entry", $"u-writer-{w}", "test", $"{w}-{i}", new { w, i }), TimeProvider.System));
        })));
        var result = await db.VerifyAsync(tenant.Id);

        Assert.True(result.Valid, result.Problem);
        Assert.Equal(before + Writers * PerWriter, result.EntriesChecked);
    }

    [Fact]
    public async Task A_rolled_back_append_leaves_no_trace_in_the_chain()
    {
        var tenant = await db.NewTenantAsync("log");
        await db.InScopeAsync(db.App, tenant.Id, s => DecisionLogWriter.AppendAsync(s,
            new NewDecisionLogEntry("test_entry", "u-x", null, null, new { lost = true }), TimeProvider.System), commit: false);

        await db.AppendAsync(tenant.Id, 2);
        var result = await db.VerifyAsync(tenant.Id);

        Assert.True(result.Valid, result.Problem);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(12345.678)]
    public async Task Payload_numbers_survive_the_jsonb_round_trip(double value) => await AssertNumberRoundTripsAsync(value);

    // Regression: System.Text.Json writes "1.5E-05" / "1E+20" but jsonb returns "0.000015" / "100000000000000000000";
    // hashing the former made untouched entries look altered. CanonicalJson now writes numbers as numeric prints them.
    [Theory]
    [InlineData(1.5e-5)]
    [InlineData(1e20)]
    public async Task Exponent_numbers_survive_the_jsonb_round_trip(double value) =>
        await AssertNumberRoundTripsAsync(value);

    private async Task AssertNumberRoundTripsAsync(double value)
    {
        var tenant = await db.NewTenantAsync("num");

        await db.InScopeAsync(db.App, tenant.Id, s => DecisionLogWriter.AppendAsync(s,
            new NewDecisionLogEntry(DecisionLogKinds.Recommendation, "agent", null, null, new { confidence = value }), TimeProvider.System));
        var result = await db.VerifyAsync(tenant.Id);

        Assert.True(result.Valid, result.Problem);
    }

    [Fact]
    public async Task The_database_and_the_verifier_compute_the_same_hash_for_unicode_content()
    {
        var tenant = await db.NewTenantAsync();

        var entry = await db.InScopeAsync(db.App, tenant.Id, scope => DecisionLogWriter.AppendAsync(scope,
            new NewDecisionLogEntry("note", "u-jürgen", "requisition", "REQ-ü", new { text = "Preis 41,00 € — 3,9× über Median", p = 0.97 }),
            TimeProvider.System));

        Assert.Equal(entry.ExpectedHash(), entry.Hash);
        Assert.True((await db.VerifyAsync(tenant.Id)).Valid);
    }
}
