using System.Net;
using System.Net.Http.Headers;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ApiHygieneTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_request_without_a_token_gets_401_problem_details()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync(TestApi.Requisitions);

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_gets_401()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var client = fixture.Factory.CreateClient();
        var forged = AiGovernance.Api.Infrastructure.LocalTokenIssuer.Issue(
            new() { SigningKey = new string('k', 48) }, tenant.Id, "u-julia", ["admin"], TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        var response = await client.GetAsync(TestApi.Requisitions);

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var client = fixture.Factory.CreateClient();
        var expired = AiGovernance.Api.Infrastructure.LocalTokenIssuer.Issue(
            fixture.Auth, tenant.Id, "u-julia", ["admin"], TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(-1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", expired);

        var response = await client.GetAsync(TestApi.Requisitions);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Liveness_answers_200_without_a_token()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_reports_the_database_and_the_detection_models_without_a_token()
    {
        using var client = fixture.Factory.CreateClient();

        var report = await (await client.GetAsync("/health/ready")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("Healthy", report.Str("status"));
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").Str("status"));
        var models = report.GetProperty("checks").GetProperty("detection-models");
        Assert.Equal("Healthy", models.Str("status"));
        Assert.EndsWith(": loaded", models.GetProperty("data").GetProperty("duplicate").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_requisitions_api()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        var doc = await response.ReadAsync(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/requisitions", out var requisitions), string.Join(", ", paths.EnumerateObject().Select(p => p.Name)));
        Assert.True(requisitions.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/approvals/queue", out _));
        Assert.True(paths.TryGetProperty("/api/decision-log/verify", out _));
    }

    [Fact]
    public async Task The_correlation_id_is_echoed_and_put_on_problems()
    {
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, TestApi.Url(TestApi.Requisitions));
        request.Headers.Add("X-Correlation-ID", "test-corr-42");

        var response = await client.SendAsync(request);

        Assert.Equal("test-corr-42", Assert.Single(response.Headers.GetValues("X-Correlation-ID")));
        var problem = await response.ReadAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("test-corr-42", problem.Str("correlation_id"));
    }

    [Fact]
    public async Task A_correlation_id_is_made_up_when_none_is_sent()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(response.Headers.GetValues("X-Correlation-ID"))));
    }

    [Fact]
    public async Task Me_reflects_the_token()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var carla = tenant.As("u-carla");

        var me = await (await carla.GetAsync("/api/me")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("u-carla", me.Str("user_id"));
        Assert.Equal(tenant.Id, me.GetProperty("tenant_id").GetGuid());
        Assert.Equal(["approver", "requester"], me.GetProperty("roles").Items().Select(r => r.GetString()));
    }
}

/// <summary>A host of its own with a tiny rate limit, so the limit does not disturb the other tests.</summary>
public sealed class RateLimitedHost : IAsyncLifetime
{
    public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Factory { get; } =
        ApiFixture.CreateFactory(("Governance:Api:PermitsPerMinute", "3"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

[Collection(ApiCollection.Name)]
public sealed class RateLimitTests(ApiFixture fixture, RateLimitedHost host) : IClassFixture<RateLimitedHost>
{
    [Fact]
    public async Task The_fourth_request_in_a_minute_gets_429_rate_limited()
    {
        var tenant = await fixture.CreateTenantAsync(factory: host.Factory);
        using var anna = tenant.As("u-anna");
        using var ben = tenant.As("u-ben");

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/api/me")).StatusCode);
        var limited = await anna.GetAsync("/api/me");

        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.NotNull(problem.Str("detail"));
        Assert.Equal("60", Assert.Single(limited.Headers.GetValues("Retry-After")));
        // The limit is per caller: another user is not affected.
        Assert.Equal(HttpStatusCode.OK, (await ben.GetAsync("/api/me")).StatusCode);
    }
}
