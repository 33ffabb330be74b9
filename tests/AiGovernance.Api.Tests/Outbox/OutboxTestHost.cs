using System.Globalization;
using System.Net;
using System.Text.Json;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Data.Jobs;
using AiGovernance.Worker;
using AiGovernance.Worker.Outbox;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AiGovernance.Api.Tests.Outbox;

/// <summary>Jitter pinned to the top of the range, so retry times are exactly base·2^(n-1).</summary>
public sealed class MaxJitter : OutboxJitter
{
    public override double NextUnit() => 1.0;
}

/// <summary>
/// A host whose worker loop is off, with only the outbox handler and a fake clock started years ahead
/// of real time: the shared fixture's background loop (real clock) never finds these tests' jobs due,
/// and the tests run the job runner themselves.
/// </summary>
public sealed class OutboxTestHost : IAsyncDisposable
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Year + 5, 3, 1, 9, 0, 0, TimeSpan.Zero));
    public WebApplicationFactory<Program> Factory { get; }
    public TestTenant Tenant { get; private set; } = null!;
    public string Secret { get; } = "outbound-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private OutboxTestHost(params (string, string)[] settings)
    {
        Factory = ApiFixture.CreateFactory([("Governance:Worker:Enabled", "false"), .. settings]).WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<OutboxJitter, MaxJitter>();
            // Only the outbox handler: at this clock every other feature's jobs in the shared queue are due too.
            s.RemoveAll<IJobHandler>();
            s.AddSingleton<IJobHandler, OutboxDispatcher>();
        }));
    }

    public static async Task<OutboxTestHost> StartAsync(ApiFixture fixture, string? endpoint, params (string, string)[] settings)
    {
        var host = new OutboxTestHost(settings);
        host.Tenant = await fixture.CreateTenantAsync(factory: host.Factory);
        await using var scope = await host.Tenant.OwnerScopeAsync();
        // An older secret still active (rotation in progress): the dispatcher must sign with the newest.
        await InsertSecretAsync(scope, "older-" + host.Secret, host.Clock.GetUtcNow().AddDays(-30));
        await InsertSecretAsync(scope, host.Secret, host.Clock.GetUtcNow());
        await scope.CommitAsync();
        if (endpoint is not null) await host.SetEndpointAsync(endpoint);
        return host;
    }

    public async Task SetEndpointAsync(string url)
    {
        await using var scope = await Tenant.OwnerScopeAsync();
        await using var cmd = scope.Command("INSERT INTO erp_endpoints (tenant_id, url) VALUES ($1, $2) ON CONFLICT (tenant_id) DO UPDATE SET url = excluded.url");
        cmd.Parameters.AddWithValue(Tenant.Id);
        cmd.Parameters.AddWithValue(url);
        await cmd.ExecuteNonQueryAsync();
        await scope.CommitAsync();
    }

    private static async Task InsertSecretAsync(Data.Tenancy.TenantScope scope, string secret, DateTimeOffset createdAt)
    {
        await using var cmd = scope.Command("INSERT INTO webhook_secrets (id, tenant_id, direction, secret, created_at) VALUES ($1, $2, 'outbound', $3, $4)");
        cmd.Parameters.AddWithValue(Guid.NewGuid());
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(secret);
        cmd.Parameters.AddWithValue(createdAt);
        await cmd.ExecuteNonQueryAsync();
    }

    public JobRunner Runner => Factory.Services.GetRequiredService<JobRunner>();
    public NpgsqlDataSource Db => Factory.Services.GetRequiredService<NpgsqlDataSource>();
    public TimeSpan Lease => Factory.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Lease;

    /// <summary>Runner passes until nothing is due (other tenants' leftover jobs are due too at this clock).</summary>
    public async Task RunUntilIdleAsync(JobRunner? runner = null)
    {
        for (var pass = 0; pass < 200; pass++)
            if (await (runner ?? Runner).RunDueAsync(CancellationToken.None, Tenant.Id) == 0) return;
        throw new InvalidOperationException("the job runner never ran out of due jobs");
    }

    /// <summary>A 1,000 EUR requisition submitted by u-anna and approved by u-david (its only step); returns it.</summary>
    public async Task<JsonElement> ApprovedRequisitionAsync(decimal amount = 1_000m)
    {
        using var anna = Tenant.As("u-anna");
        using var david = Tenant.As("u-david");
        var body = TestApi.Requisition(amount);
        body["needed_by"] = Clock.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        body["external_erp_id"] = "ERP-" + Guid.NewGuid().ToString("N")[..10];
        body["requester_id"] = "u-anna";
        using var erp = Tenant.As("svc-erp", "erp");
        var req = await erp.SubmitAsync(body);
        if (req.Status() == "auto_approved") return req;
        return (await (await david.DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK)).GetProperty("requisition");
    }

    /// <summary>The tenant's outbox messages as procurement ops sees them.</summary>
    public async Task<JsonElement> OutboxAsync(string query = "")
    {
        using var felix = Tenant.As("u-felix");
        return await (await felix.GetAsync("/api/outbox" + query)).ReadAsync(HttpStatusCode.OK);
    }

    public async Task<JsonElement> MessageForAsync(JsonElement requisition) =>
        (await OutboxAsync()).Items().Single(m => m.Str("subject_id") == requisition.Id().ToString());

    public async Task<JsonElement> MessageAsync(Guid id)
    {
        using var felix = Tenant.As("u-felix");
        return await (await felix.GetAsync($"/api/outbox/{id}")).ReadAsync(HttpStatusCode.OK);
    }

    public Task<IReadOnlyList<ClaimedJob>> ClaimAllAsync() =>
        JobQueue.ClaimAsync(Db, [Data.Outbox.OutboxWriter.JobKind], Clock.GetUtcNow(), Lease, 1000, CancellationToken.None);

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
