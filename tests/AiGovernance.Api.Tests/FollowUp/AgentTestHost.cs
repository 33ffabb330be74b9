using System.Net;
using System.Text.Json;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Worker;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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

    private AgentTestHost(params (string, string)[] settings) =>
        Factory = ApiFixture.CreateFactory([
            ("Governance:Worker:Enabled", "false"),
            ("Governance:Agents:FollowUp:Enabled", "true"),
            ("Governance:Agents:FollowUp:GraceMinutes", "0"),
            ("Governance:Messaging:Smtp:Host", "127.0.0.1"),
            ("Governance:Messaging:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Governance:Messaging:Smtp:Security", "None"),
            .. settings]);

    public static async Task<AgentTestHost> StartAsync(ApiFixture fixture, params (string, string)[] settings)
    {
        var host = new AgentTestHost(settings);
        host.Tenant = await fixture.CreateTenantAsync(factory: host.Factory);
        return host;
    }

    /// <summary>Runs this tenant's due jobs until none are left.</summary>
    public async Task RunWorkerAsync()
    {
        var runner = Factory.Services.GetRequiredService<JobRunner>();
        for (var i = 0; i < 20; i++)
            if (await runner.RunDueAsync(CancellationToken.None, Tenant.Id) == 0) return;
        throw new InvalidOperationException("jobs kept coming after 20 passes");
    }

    public async Task<IReadOnlyList<JsonElement>> RecommendationsAsync(JsonElement requisition, string kind, string status = "pending") =>
        (await (await Tenant.As("u-grace").GetAsync($"/api/recommendations?status={status}&kind={kind}&subject={requisition.Id()}"))
            .ReadAsync(HttpStatusCode.OK)).Items().ToList();

    /// <summary>The supplier's contact address, as the supplier master would hold it.</summary>
    public async Task SetSupplierContactAsync(string supplierId, string email)
    {
        await using var scope = await Tenant.OwnerScopeAsync();
        await using var cmd = scope.Command("UPDATE suppliers SET contact_email = $2 WHERE id = $1");
        cmd.Parameters.AddWithValue(supplierId);
        cmd.Parameters.AddWithValue(email);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        await scope.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
