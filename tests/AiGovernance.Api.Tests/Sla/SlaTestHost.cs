using System.Globalization;
using System.Net;
using System.Text.Json;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Worker;
using AiGovernance.Worker.Sla;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Api.Tests.Sla;

/// <summary>
/// A host with the worker loop off, only the SLA handler registered and a fake clock two centuries
/// ahead. The job queue is shared by every host on the database: a runner claims whatever is due at
/// its own clock, so a later clock than any other test's keeps their runners (and the fixture's
/// real-clock loop) off these jobs, and running only the SLA handler keeps this runner off theirs.
/// </summary>
public sealed class SlaTestHost : IAsyncDisposable
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Year + 200, 6, 1, 8, 0, 0, TimeSpan.Zero));
    public WebApplicationFactory<Program> Factory { get; }
    public TestTenant Tenant { get; private set; } = null!;

    private SlaTestHost() =>
        Factory = ApiFixture.CreateFactory(("Governance:Worker:Enabled", "false"))
            .WithWebHostBuilder(b => b.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                s.RemoveAll<IJobHandler>();
                s.AddSingleton<IJobHandler, SlaTimerHandler>();
            }));

    public static async Task<SlaTestHost> StartAsync(ApiFixture fixture, string? policyYaml = null)
    {
        var host = new SlaTestHost();
        host.Tenant = await fixture.CreateTenantAsync(policyYaml, host.Factory);
        return host;
    }

    public JobRunner Runner => Factory.Services.GetRequiredService<JobRunner>();

    /// <summary>Runner passes until nothing is due (other tenants' leftover jobs are due too at this clock).</summary>
    public async Task RunUntilIdleAsync()
    {
        for (var pass = 0; pass < 200; pass++)
            if (await Runner.RunDueAsync(CancellationToken.None, Tenant.Id) == 0) return;
        throw new InvalidOperationException("the job runner never ran out of due jobs");
    }

    /// <summary>Moves the clock to <paramref name="at"/> and runs every due job.</summary>
    public async Task RunAtAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        await RunUntilIdleAsync();
    }

    /// <summary>Submits as u-anna on CC-EU-PHARMA (owner u-david); needed-by follows the fake clock.</summary>
    public async Task<JsonElement> SubmitAsync(decimal amount = 500m, string urgency = "normal")
    {
        using var anna = Tenant.As("u-anna");
        var body = TestApi.Requisition(amount, urgency: urgency);
        body["needed_by"] = Clock.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var r = await anna.SubmitAsync(body);
        Assert.Equal("pending_approval", r.Status());
        return r;
    }

    /// <summary>The decision-log entries of one kind about a requisition (read as compliance).</summary>
    public async Task<IReadOnlyList<JsonElement>> LogAsync(JsonElement requisition, string kind)
    {
        using var hannah = Tenant.As("u-hannah");
        var entries = await hannah.DecisionLogAsync($"?requisition={requisition.Number()}&kind={kind}");
        return entries.Items().ToList();
    }

    public async Task<IReadOnlyList<string>> QueueNumbersAsync(string user)
    {
        using var client = Tenant.As(user);
        return (await client.QueueAsync()).Items().Select(i => i.Str("number")!).ToList();
    }

    public async Task<JsonElement> ApproveAsync(string user, JsonElement requisition, int step)
    {
        using var client = Tenant.As(user);
        return (await (await client.DecideAsync(requisition, "approve", step)).ReadAsync(HttpStatusCode.OK)).GetProperty("requisition");
    }

    /// <summary>The stored timer state: requisitions.next_timer_at and the due time of its sla job (null when none).</summary>
    public async Task<(DateTimeOffset? NextTimerAt, DateTimeOffset? JobDueAt)> TimerAsync(JsonElement requisition)
    {
        await using var scope = await Tenant.OwnerScopeAsync();
        await using var cmd = scope.Command("""
            SELECT r.next_timer_at, j.due_at FROM requisitions r
            LEFT JOIN jobs j ON j.kind = 'sla' AND j.subject_id = r.id::text
            WHERE r.id = $1
            """);
        cmd.Parameters.AddWithValue(requisition.Id());
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Outbox messages about a requisition: (topic, idempotency key, payload).</summary>
    public async Task<IReadOnlyList<(string Topic, string Key, JsonElement Payload)>> OutboxAsync(JsonElement requisition)
    {
        await using var scope = await Tenant.OwnerScopeAsync();
        await using var cmd = scope.Command("SELECT topic, idempotency_key, payload::text FROM outbox_messages WHERE subject_id = $1 ORDER BY created_at");
        cmd.Parameters.AddWithValue(requisition.Id().ToString());
        var list = new List<(string, string, JsonElement)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add((reader.GetString(0), reader.GetString(1), JsonDocument.Parse(reader.GetString(2)).RootElement.Clone()));
        return list;
    }

    /// <summary>Makes the requisition's sla job due again now, as a duplicate or late delivery of the job would.</summary>
    public async Task ForceJobDueAsync(JsonElement requisition)
    {
        await using var cmd = Tenant.Fixture.OwnerDb.CreateCommand(
            "INSERT INTO jobs (tenant_id, kind, subject_id, due_at) VALUES ($1, 'sla', $2, $3) ON CONFLICT (tenant_id, kind, subject_id) DO UPDATE SET due_at = $3, locked_until = NULL");
        cmd.Parameters.AddWithValue(Tenant.Id);
        cmd.Parameters.AddWithValue(requisition.Id().ToString());
        cmd.Parameters.AddWithValue(Clock.GetUtcNow());
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
