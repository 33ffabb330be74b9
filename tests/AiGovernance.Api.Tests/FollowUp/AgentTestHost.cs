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

    /// <summary>
    /// The host's clock, years ahead of real time: the shared fixture's background loop (real clock) then never
    /// finds this host's jobs due — otherwise it could claim an outbox message first and send it through its own,
    /// SMTP-less configuration. Tests move it forward (SLA reminders).
    /// </summary>
    public FakeTimeProvider Clock { get; } = YearsAhead();

    /// <summary>A clock years ahead of real time (why: see <see cref="Clock"/>); the follow-ups page's browser fixture uses one too.</summary>
    public static FakeTimeProvider YearsAhead() => new(new DateTimeOffset(DateTime.UtcNow.Year + 5, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Worker loop off, the follow-up agent on without a grace period, e-mail to <paramref name="smtp"/>.</summary>
    public static (string Key, string Value)[] Settings(SmtpStubServer smtp) =>
    [
        ("Governance:Worker:Enabled", "false"),
        ("Governance:Agents:FollowUp:Enabled", "true"),
        ("Governance:Agents:FollowUp:GraceMinutes", "0"),
        ("Governance:Messaging:Smtp:Host", "127.0.0.1"),
        ("Governance:Messaging:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Governance:Messaging:Smtp:Security", "None"),
    ];

    private AgentTestHost(params (string, string)[] settings) =>
        Factory = ApiFixture.CreateFactory([.. Settings(Smtp), .. settings])
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock)));

    public static async Task<AgentTestHost> StartAsync(ApiFixture fixture, params (string, string)[] settings)
    {
        var host = new AgentTestHost(settings);
        host.Tenant = await fixture.CreateTenantAsync(factory: host.Factory);
        return host;
    }

    /// <summary>A valid submission (see <see cref="TestApi.Requisition"/>) needed 30 days after this host's today.</summary>
    public JsonObject Requisition(decimal amount) => Requisition(Clock, amount);

    /// <summary>A valid submission needed 30 days after <paramref name="clock"/>'s today.</summary>
    public static JsonObject Requisition(TimeProvider clock, decimal amount)
    {
        var body = TestApi.Requisition(amount);
        body["needed_by"] = clock.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return body;
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
