using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Data.Tests;

/// <summary>Row-level security and grants, checked against the real roles.</summary>
[Collection(DatabaseCollection.Name)]
public class TenantIsolationTests(DatabaseFixture db)
{
    private static async Task<long> CountAsync(TenantScope scope, string table, Guid tenantId)
    {
        await using var cmd = scope.Command($"SELECT count(*) FROM {table} WHERE tenant_id = $1");
        cmd.Parameters.AddWithValue(tenantId);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<PostgresException> FailsAsync(NpgsqlDataSource source, Guid tenantId, string sql, params object[] args)
    {
        await using var scope = await TenantScope.BeginAsync(source, tenantId);
        await using var cmd = scope.Command(sql);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        return await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
    }

    [Theory]
    [InlineData("requisitions")]
    [InlineData("app_users")]
    [InlineData("decision_log")]
    [InlineData("policy_versions")]
    [InlineData("suppliers")]
    public async Task A_tenant_scope_sees_its_own_rows_and_none_of_another_tenants(string table)
    {
        var a = await db.NewTenantAsync("rls");
        var b = await db.NewTenantAsync("rls");
        await db.SubmitAsync(a.Id);
        await db.SubmitAsync(b.Id);

        var (own, other) = await db.InScopeAsync(db.App, a.Id, async s => (await CountAsync(s, table, a.Id), await CountAsync(s, table, b.Id)), commit: false);

        Assert.True(own > 0, $"tenant A should see its own {table}");
        Assert.Equal(0, other);
    }

    [Fact]
    public async Task A_tenant_scope_does_not_see_another_tenant_even_without_a_tenant_filter()
    {
        var a = await db.NewTenantAsync("rls");
        var b = await db.NewTenantAsync("rls");
        await db.SubmitAsync(b.Id);

        var foreignTenants = await db.InScopeAsync(db.App, a.Id, async s =>
        {
            await using var cmd = s.Command("SELECT count(*) FROM requisitions WHERE tenant_id <> $1");
            cmd.Parameters.AddWithValue(a.Id);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }, commit: false);

        Assert.Equal(0, foreignTenants);
    }

    [Fact]
    public async Task Inserting_a_row_for_another_tenant_is_rejected_by_the_check_policy()
    {
        var a = await db.NewTenantAsync("rls");
        var b = await db.NewTenantAsync("rls");

        var ex = await FailsAsync(db.App, a.Id,
            "INSERT INTO app_users (tenant_id, id, name, email, roles) VALUES ($1, 'u-intruder', 'Intruder', 'x@example.org', '{admin}')", b.Id);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        Assert.Contains("row-level security", ex.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_an_own_row_to_another_tenant_is_rejected()
    {
        var a = await db.NewTenantAsync("rls");
        var b = await db.NewTenantAsync("rls");

        var ex = await FailsAsync(db.App, a.Id, "UPDATE app_users SET tenant_id = $1 WHERE id = 'u-anna'", b.Id);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
    }

    [Theory]
    [InlineData("requisitions")]
    [InlineData("app_users")]
    [InlineData("decision_log")]
    [InlineData("decision_log_heads")]
    [InlineData("tenants")]
    public async Task The_app_role_without_a_tenant_setting_sees_no_rows(string table)
    {
        var t = await db.NewTenantAsync("rls");
        await db.SubmitAsync(t.Id);

        await using var conn = await db.App.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {table}", conn);

        Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_tenant_setting_is_transaction_local_and_does_not_leak_to_the_next_user_of_a_pooled_connection()
    {
        var t = await db.NewTenantAsync("rls");
        await db.InScopeAsync(db.App, t.Id, _ => Task.FromResult(0));

        await using var conn = await db.App.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT coalesce(current_setting('app.tenant_id', true), ''), (SELECT count(*) FROM app_users)", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();

        Assert.Equal(("", 0L), (r.GetString(0), r.GetInt64(1)));
    }

    [Theory]
    [InlineData("UPDATE decision_log SET actor = 'u-mallory' WHERE tenant_id = $1")]
    [InlineData("DELETE FROM decision_log WHERE tenant_id = $1")]
    public async Task The_app_role_cannot_update_or_delete_the_decision_log(string sql)
    {
        var t = await db.NewTenantAsync("grant");

        var ex = await FailsAsync(db.App, t.Id, sql, t.Id);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        Assert.Contains("permission denied", ex.MessageText, StringComparison.Ordinal);
        Assert.True((await db.VerifyAsync(t.Id)).Valid);
    }

    [Fact]
    public async Task The_app_role_cannot_truncate_the_decision_log()
    {
        var t = await db.NewTenantAsync("grant");

        var ex = await FailsAsync(db.App, t.Id, "TRUNCATE decision_log");

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
    }

    [Theory]
    [InlineData("UPDATE decision_log SET actor = 'u-mallory' WHERE tenant_id = $1", "UPDATE")]
    [InlineData("DELETE FROM decision_log WHERE tenant_id = $1", "DELETE")]
    public async Task The_owner_role_is_stopped_by_the_append_only_trigger(string sql, string op)
    {
        var t = await db.NewTenantAsync("trig");

        // The scope is disposed without commit, so even an unexpected success would roll back.
        var ex = await FailsAsync(db.Owner, t.Id, sql, t.Id);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        Assert.Contains($"append-only: {op}", ex.MessageText, StringComparison.Ordinal);
        Assert.True((await db.VerifyAsync(t.Id)).Valid);
    }

    [Fact]
    public async Task The_owner_role_cannot_truncate_the_decision_log()
    {
        var t = await db.NewTenantAsync("trig");

        var ex = await FailsAsync(db.Owner, t.Id, "TRUNCATE decision_log");

        Assert.Contains("append-only: TRUNCATE", ex.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_role_cannot_create_tenants_or_rewrite_migrations()
    {
        var t = await db.NewTenantAsync("grant");

        var tenants = await FailsAsync(db.App, t.Id, "INSERT INTO tenants (id, slug, name, base_currency) VALUES ($1, 'sneaky-tenant', 'x', 'EUR')", Guid.NewGuid());
        var migrations = await FailsAsync(db.App, t.Id, "DELETE FROM schema_migrations");

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, tenants.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, migrations.SqlState);
    }
}
