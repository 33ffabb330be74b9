using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Outbox;

[Collection(ApiCollection.Name)]
public sealed class OutboxApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task Only_procurement_ops_admin_and_compliance_read_and_only_procurement_ops_and_admin_redeliver()
    {
        await using var host = await OutboxTestHost.StartAsync(fixture, endpoint: null);
        var req = await host.ApprovedRequisitionAsync();
        var id = (await host.MessageForAsync(req)).GetProperty("id").GetGuid();

        foreach (var reader in new[] { "u-felix", "u-julia", "u-hannah" })
        {
            using var client = host.Tenant.As(reader);
            Assert.Single((await (await client.GetAsync("/api/outbox")).ReadAsync(HttpStatusCode.OK)).Items());
            await (await client.GetAsync($"/api/outbox/{id}")).ReadAsync(HttpStatusCode.OK);
        }
        foreach (var outsider in new[] { "u-anna", "u-david", "u-grace" })
        {
            using var client = host.Tenant.As(outsider);
            await (await client.GetAsync("/api/outbox")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
            await (await client.GetAsync($"/api/outbox/{id}")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        }
        using var hannah = host.Tenant.As("u-hannah");
        await (await hannah.PostAsync(TestApi.Url($"/api/outbox/{id}/redeliver"), null)).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
    }

    [Fact]
    public async Task Bad_filters_are_field_errors_and_unknown_or_foreign_messages_are_not_found()
    {
        await using var host = await OutboxTestHost.StartAsync(fixture, endpoint: null);
        var req = await host.ApprovedRequisitionAsync();
        var id = (await host.MessageForAsync(req)).GetProperty("id").GetGuid();
        using var felix = host.Tenant.As("u-felix");

        await (await felix.GetAsync("/api/outbox?status=sent&limit=0")).ValidationErrorsAsync("status", "limit");
        await (await felix.GetAsync($"/api/outbox/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound, "outbox_message_not_found");
        await (await felix.PostAsync(TestApi.Url($"/api/outbox/{Guid.NewGuid()}/redeliver"), null))
            .ProblemAsync(HttpStatusCode.NotFound, "outbox_message_not_found");
        var tooLong = new JsonObject { ["reason"] = new string('x', 2001) };
        await (await felix.PostJsonAsync($"/api/outbox/{id}/redeliver", tooLong)).ValidationErrorsAsync("reason");

        var other = await fixture.CreateTenantAsync(factory: host.Factory);
        using var otherOps = other.As("u-felix");
        await (await otherOps.GetAsync($"/api/outbox/{id}")).ProblemAsync(HttpStatusCode.NotFound, "outbox_message_not_found");
        Assert.Empty((await (await otherOps.GetAsync("/api/outbox")).ReadAsync(HttpStatusCode.OK)).Items());
        await (await otherOps.PostAsync(TestApi.Url($"/api/outbox/{id}/redeliver"), null)).ProblemAsync(HttpStatusCode.NotFound, "outbox_message_not_found");
    }

    [Fact]
    public async Task A_pending_message_cannot_be_redelivered()
    {
        await using var host = await OutboxTestHost.StartAsync(fixture, endpoint: null);
        var req = await host.ApprovedRequisitionAsync();
        var id = (await host.MessageForAsync(req)).GetProperty("id").GetGuid();
        using var felix = host.Tenant.As("u-felix");

        await (await felix.PostAsync(TestApi.Url($"/api/outbox/{id}/redeliver"), null)).ProblemAsync(HttpStatusCode.Conflict, "outbox_message_pending");

        using var hannah = host.Tenant.As("u-hannah");
        Assert.Empty((await hannah.DecisionLogAsync("?kind=outbox_redelivered")).Items());
    }
}
