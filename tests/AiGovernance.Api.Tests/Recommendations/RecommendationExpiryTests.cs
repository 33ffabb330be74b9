using System.Net;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Worker;
using AiGovernance.Worker.Recommendations;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AiGovernance.Api.Tests.Recommendations;

[Collection(ApiCollection.Name)]
public sealed class RecommendationExpiryTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_recommendation_nobody_decides_expires_and_can_no_longer_be_decided()
    {
        var clock = FarFutureClock();
        await using var factory = ApiFixture.CreateFactory(("Governance:Worker:Enabled", "false"))
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var tenant = await fixture.CreateTenantAsync(factory: factory);
        using var anna = tenant.As("u-anna");
        var req = await anna.SubmitAsync(Requisition(clock));
        var rec = await tenant.As(RecommendationApi.AgentId, "agent").PostAsync(RecommendationApi.Hold(req.Id(), expiresInHours: null));
        Assert.Equal(clock.GetUtcNow().AddDays(7), rec.GetProperty("expires_at").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        // Only this handler runs, so the fake clock cannot fire other features' jobs (SLA timers, outbox) of other tests.
        var runner = new JobRunner(factory.Services.GetRequiredService<NpgsqlDataSource>(),
            [new RecommendationExpiryHandler(factory.Services.GetRequiredService<NpgsqlDataSource>(), clock)], clock,
            Options.Create(new WorkerOptions()), NullLogger<JobRunner>.Instance);

        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await runner.RunDueAsync(CancellationToken.None, tenant.Id);
        using var grace = tenant.As("u-grace");
        Assert.Equal("pending", (await grace.GetRecommendationAsync(rec)).Str("status"));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await runner.RunDueAsync(CancellationToken.None, tenant.Id) >= 1);

        var expired = await grace.GetRecommendationAsync(rec);
        Assert.Equal("expired", expired.Str("status"));
        await (await grace.DecideOnAsync(rec, "accept")).ProblemAsync(HttpStatusCode.Conflict, "recommendation_not_pending");
        Assert.Equal(req.Status(), (await tenant.StoredHoldAsync(req.Id())).Status); // no effect: unchanged
        var outcome = Assert.Single((await tenant.As("u-hannah").DecisionLogAsync("?kind=recommendation_outcome")).Items());
        Assert.Equal(("system", "expired"), (outcome.Str("actor"), outcome.GetProperty("payload").Str("outcome")));
    }

    [Fact]
    public async Task A_decision_after_the_expiry_time_records_the_expiry_even_before_the_job_runs()
    {
        var clock = FarFutureClock();
        await using var factory = ApiFixture.CreateFactory(("Governance:Worker:Enabled", "false"))
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var tenant = await fixture.CreateTenantAsync(factory: factory);
        var req = await tenant.As("u-anna").SubmitAsync(Requisition(clock));
        var rec = await tenant.As(RecommendationApi.AgentId, "agent").PostAsync(RecommendationApi.Hold(req.Id(), expiresInHours: 1));

        clock.Advance(TimeSpan.FromHours(1));
        using var grace = tenant.As("u-grace");
        await (await grace.DecideOnAsync(rec, "accept")).ProblemAsync(HttpStatusCode.Conflict, "recommendation_expired");

        Assert.Equal("expired", (await grace.GetRecommendationAsync(rec)).Str("status"));
        Assert.Equal(req.Status(), (await tenant.StoredHoldAsync(req.Id())).Status); // no effect: unchanged
    }

    /// <summary>
    /// Later than any other test host's clock (the outbox host's is 5 years ahead, the SLA host's 200), so no
    /// other runner sharing the job queue reaches these expiry jobs before this test moves its own clock.
    /// </summary>
    private static FakeTimeProvider FarFutureClock() => new(new DateTimeOffset(DateTime.UtcNow.Year + 300, 1, 5, 8, 0, 0, TimeSpan.Zero));

    private static System.Text.Json.Nodes.JsonObject Requisition(TimeProvider clock)
    {
        var body = TestApi.Requisition(1_000m);
        body["needed_by"] = clock.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return body;
    }
}
