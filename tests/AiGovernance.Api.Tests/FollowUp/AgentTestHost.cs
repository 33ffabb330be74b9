using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Worker;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Api.Tests.FollowUp;

/// <summary>
/// A host with documents, the follow-up agent (no grace period) and e-mail delivery to a loopback SMTP
/// server; its background loop is off, and the test runs the worker for its own tenant only.
/// </summary>
public sealed class AgentTestHost : IAsyncDisposable
{
    public SmtpStubServer Smtp { get; } = new();
    public WebApplicationFactory<Program> Factory { get; }
    public TestTenant Tenant { get; private set; } = null!;

    /// <summary>The host's clock; starts at the real time, tests move it forward (SLA reminders).</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    private AgentTestHost(params (string, string)[] settings) =>
        Factory = ApiFixture.CreateFactory([
            ("Governance:Worker:Enabled", "false"),
            ("Governance:Agents:FollowUp:Enabled", "true"),
            ("Governance:Agents:FollowUp:GraceMinutes", "0"),
            ("Governance:Messaging:Smtp:Host", "127.0.0.1"),
            ("Governance:Messaging:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Governance:Messaging:Smtp:Security", "None"),
            .. settings]).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock)));

    public static async Task<AgentTestHost> StartAsync(ApiFixture fixture, params (string, string)[] settings)
    {
        var host = new AgentTestHost(settings);
        host.Tenant = await fixture.CreateTenantAsync(factory: host.Factory);
        return host;
    }

    /// <summary>Runs this tenant's due jobs until none are left.</summary>
    public Task RunWorkerAsync() => Tenant.RunJobsAsync();

    public async Task<IReadOnlyList<JsonElement>> RecommendationsAsync(JsonElement requisition, string kind, string status = "pending") =>
        (await (await Tenant.As("u-grace").GetAsync($"/api/recommendations?status={status}&kind={kind}&subject={requisition.Id()}"))
            .ReadAsync(HttpStatusCode.OK)).Items().ToList();

    /// <summary>Procurement records the supplier's contact address.</summary>
    public async Task SetSupplierContactAsync(string supplierId, string email)
    {
        using var felix = Tenant.As("u-felix");
        await (await felix.PutAsync(TestApi.Url($"/api/suppliers/{supplierId}/contact"), TestApi.JsonBody(new JsonObject { ["email"] = "not an address" })))
            .ValidationErrorsAsync("email");
        await (await felix.PutAsync(TestApi.Url($"/api/suppliers/{supplierId}/contact"), TestApi.JsonBody(new JsonObject { ["email"] = email })))
            .ReadAsync(HttpStatusCode.OK);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
