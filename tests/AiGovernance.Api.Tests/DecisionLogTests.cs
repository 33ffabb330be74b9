using System.Net;
using System.Text.Json;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Data;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DecisionLogTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_chain_verifies_after_activity()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var hannah = tenant.As("u-hannah");
        await SomeActivityAsync(tenant);

        var verification = await (await hannah.GetAsync("/api/decision-log/verify")).ReadAsync(HttpStatusCode.OK);

        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
        Assert.Equal(JsonValueKind.Null, verification.GetProperty("first_broken_seq").ValueKind);
        var all = (await hannah.DecisionLogAsync("?limit=1000")).Items().ToList();
        Assert.Equal(all.Count, verification.GetProperty("entries_checked").GetInt64());
        Assert.Equal(all[^1].GetProperty("seq").GetInt64(), verification.GetProperty("last_seq").GetInt64());
    }

    [Fact]
    public async Task Tampering_with_one_entry_is_detected_at_that_entry()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var hannah = tenant.As("u-hannah");
        var (req, _) = await SomeActivityAsync(tenant);
        var decision = Assert.Single((await hannah.DecisionLogAsync($"?kind=human_decision&requisition={req.Number()}")).Items());
        var seq = decision.GetProperty("seq").GetInt64();

        await TamperAsync(seq);
        var verification = await (await hannah.GetAsync("/api/decision-log/verify")).ReadAsync(HttpStatusCode.OK);

        Assert.False(verification.GetProperty("valid").GetBoolean());
        Assert.Equal(seq, verification.GetProperty("first_broken_seq").GetInt64());
        Assert.Contains("altered", verification.Str("problem"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tampering_in_one_tenant_leaves_another_tenants_chain_valid()
    {
        var tampered = await fixture.CreateTenantAsync();
        var clean = await fixture.CreateTenantAsync();
        await SomeActivityAsync(tampered);
        await SomeActivityAsync(clean);
        using var hannahT = tampered.As("u-hannah");
        using var hannahC = clean.As("u-hannah");
        var first = (await hannahT.DecisionLogAsync("?limit=1")).Items().Single();

        await TamperAsync(first.GetProperty("seq").GetInt64());

        Assert.False((await (await hannahT.GetAsync("/api/decision-log/verify")).ReadAsync(HttpStatusCode.OK)).GetProperty("valid").GetBoolean());
        Assert.True((await (await hannahC.GetAsync("/api/decision-log/verify")).ReadAsync(HttpStatusCode.OK)).GetProperty("valid").GetBoolean());
    }

    [Theory]
    [InlineData("UPDATE decision_log SET payload = '{\"forged\": true}'::jsonb")]
    [InlineData("DELETE FROM decision_log")]
    public async Task The_application_role_cannot_rewrite_the_log(string sql)
    {
        var tenant = await fixture.CreateTenantAsync();
        await SomeActivityAsync(tenant);
        await using var appDb = DataHostingExtensions.CreateDataSource(fixture.AppConnectionString);
        await using var scope = await TenantScope.BeginAsync(appDb, tenant.Id);
        await using var cmd = scope.Command(sql);

        var ex = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        using var hannah = tenant.As("u-hannah");
        Assert.True((await (await hannah.GetAsync("/api/decision-log/verify")).ReadAsync(HttpStatusCode.OK)).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Csv_export_returns_every_entry_with_its_hashes()
    {
        var tenant = await fixture.CreateTenantAsync();
        await SomeActivityAsync(tenant);
        using var hannah = tenant.As("u-hannah");
        var entries = (await hannah.DecisionLogAsync("?limit=1000")).Items().ToList();

        var response = await hannah.GetAsync("/api/decision-log/export?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seq,recorded_at,kind,actor,on_behalf_of,subject_type,subject_id,payload,prev_hash,hash", lines[0].TrimEnd('\r'));
        Assert.Equal(entries.Count, lines.Length - 1);
        for (var i = 0; i < entries.Count; i++)
        {
            var line = lines[i + 1].TrimEnd('\r');
            Assert.StartsWith(entries[i].GetProperty("seq").GetInt64() + ",", line, StringComparison.Ordinal);
            Assert.EndsWith($",{entries[i].Str("prev_hash")},{entries[i].Str("hash")}", line, StringComparison.Ordinal);
            Assert.Matches("^[0-9a-f]{64}$", entries[i].Str("hash"));
        }
    }

    [Fact]
    public async Task Jsonl_export_returns_every_entry_with_its_hashes()
    {
        var tenant = await fixture.CreateTenantAsync();
        await SomeActivityAsync(tenant);
        using var hannah = tenant.As("u-hannah");
        var entries = (await hannah.DecisionLogAsync("?limit=1000")).Items().ToList();

        var response = await hannah.GetAsync("/api/decision-log/export?format=jsonl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(entries.Select(e => (e.GetProperty("seq").GetInt64(), e.Str("kind"), e.Str("prev_hash"), e.Str("hash"))),
            lines.Select(e => (e.GetProperty("seq").GetInt64(), e.Str("kind"), e.Str("prev_hash"), e.Str("hash"))));
        Assert.All(lines, l => Assert.Equal(tenant.Id.ToString(), l.Str("tenant_id")));
        // Each entry links to the one before it.
        for (var i = 1; i < lines.Count; i++) Assert.Equal(lines[i - 1].Str("hash"), lines[i].Str("prev_hash"));
    }

    [Fact]
    public async Task The_log_filters_by_requisition_actor_and_kind()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var hannah = tenant.As("u-hannah");
        var (req, other) = await SomeActivityAsync(tenant);

        var byRequisition = (await hannah.DecisionLogAsync($"?requisition={req.Number()}")).Items().ToList();
        var byActor = (await hannah.DecisionLogAsync("?actor=u-david")).Items().ToList();
        var byKind = (await hannah.DecisionLogAsync("?kind=routing")).Items().ToList();
        var combined = (await hannah.DecisionLogAsync($"?kind=human_decision&actor=u-david&requisition={other.Number()}")).Items().ToList();

        Assert.Equal(["routing", "human_decision"], byRequisition.Select(e => e.Str("kind")));
        Assert.All(byRequisition, e => Assert.Equal(req.Number(), e.Str("subject_id")));
        Assert.Equal(2, byActor.Count);
        Assert.All(byActor, e => Assert.Equal("u-david", e.Str("actor")));
        Assert.Equal([req.Number(), other.Number()], byKind.Select(e => e.Str("subject_id")));
        var decision = Assert.Single(combined);
        Assert.Equal("reject", decision.GetProperty("payload").Str("decision"));
    }

    [Fact]
    public async Task Only_compliance_admin_and_reviewer_read_the_log()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");

        await (await anna.GetAsync("/api/decision-log")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await david.GetAsync("/api/decision-log/verify")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        using var grace = tenant.As("u-grace");
        await (await grace.GetAsync("/api/decision-log/export")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
    }

    /// <summary>Two requisitions: the first approved by u-david, the second rejected by him.</summary>
    private static async Task<(JsonElement Approved, JsonElement Rejected)> SomeActivityAsync(TestTenant tenant)
    {
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        var first = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var second = await anna.SubmitAsync(TestApi.Requisition(2_000m));
        (await david.DecideAsync(first, "approve", 0, "ok, with \"quotes\", commas\nand a newline")).EnsureSuccessStatusCode();
        (await david.DecideAsync(second, "reject", 0, "no")).EnsureSuccessStatusCode();
        return (first, second);
    }

    private Task TamperAsync(long seq) => DecisionLogTampering.TamperAsync(fixture, seq);
}
