using System.Net.Http.Headers;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Data.Seed;
using AiGovernance.Data.Tenancy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Api.Tests.Infrastructure;

/// <summary>A provisioned tenant and authenticated clients for its users.</summary>
public sealed class TestTenant(ApiFixture fixture, WebApplicationFactory<Program> factory, TenantRecord record, MasterDataDocument masterData)
{
    public Guid Id => record.Id;
    public string Slug => record.Slug;
    public ApiFixture Fixture => fixture;

    /// <summary>A client for <paramref name="userId"/> with the roles the master data gives them, or the roles given.</summary>
    public HttpClient As(string userId, params string[] roles)
    {
        if (roles.Length == 0)
            roles = masterData.Users.FirstOrDefault(u => u.Id == userId)?.Roles.ToArray()
                ?? throw new ArgumentException($"{userId} is not a user of the demo master data; pass roles explicitly", nameof(userId));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userId, roles));
        return client;
    }

    public string TokenFor(string userId, params string[] roles) =>
        LocalTokenIssuer.Issue(fixture.Auth, Id, userId, roles, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    /// <summary>
    /// Runs this tenant's due jobs in its host until none are left: for hosts whose background loop is off,
    /// so a test sees exactly the work it caused.
    /// </summary>
    public async Task RunJobsAsync()
    {
        var runner = factory.Services.GetRequiredService<AiGovernance.Worker.JobRunner>();
        var clock = factory.Services.GetRequiredService<TimeProvider>();
        for (var i = 0; i < 100; i++)
        {
            if (await runner.RunDueAsync(CancellationToken.None, Id) > 0) continue;
            // Another host's worker (they share the database) may hold one of this tenant's jobs right now: wait for it
            // to finish, then look again, so the test sees all the work it caused whoever did it.
            if (!await JobHeldElsewhereAsync(clock.GetUtcNow())) return;
            await Task.Delay(50);
        }
        throw new InvalidOperationException("jobs kept coming after 100 passes");
    }

    private async Task<bool> JobHeldElsewhereAsync(DateTimeOffset now)
    {
        await using var cmd = fixture.OwnerDb.CreateCommand("SELECT EXISTS (SELECT 1 FROM jobs WHERE tenant_id = $1 AND due_at <= $2 AND locked_until > $2)");
        cmd.Parameters.AddWithValue(Id);
        cmd.Parameters.AddWithValue(now);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Brings this tenant's exception inbox up to date with its decision log. Any host's worker may be projecting
    /// the same tenant right now (they share the database); the checkpoint lock makes this wait for it, so the
    /// inbox is complete when this returns.
    /// </summary>
    public async Task ProjectExceptionsAsync()
    {
        while (true)
        {
            await using var scope = await OwnerScopeAsync();
            var read = await AiGovernance.Data.Exceptions.ExceptionProjector.ProjectAsync(scope, TimeProvider.System, 500, CancellationToken.None);
            await scope.CommitAsync();
            if (read < 500) return;
        }
    }

    /// <summary>A transaction bound to this tenant as the schema owner (row-level security still applies).</summary>
    public Task<TenantScope> OwnerScopeAsync() => TenantScope.BeginAsync(fixture.OwnerDb, Id);
}

public static class TestTokens
{
    public static string For(ApiFixture fixture, Guid tenantId, string userId, params string[] roles) =>
        LocalTokenIssuer.Issue(fixture.Auth, tenantId, userId, roles, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
}
