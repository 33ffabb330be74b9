using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Webhooks;

namespace AiGovernance.Api.Tests;

/// <summary>Abuse cases found in review: each one used to succeed or answer 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class HardeningTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_service_account_never_decides_even_with_an_approver_role()
    {
        var tenant = await fixture.CreateTenantAsync();
        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(1_000m));
        using var agent = tenant.As("u-david", "agent", "approver");

        var response = await agent.DecideAsync(req, "approve", 0);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "service_account_cannot_decide");
        Assert.Equal("pending_approval", (await tenant.As("u-anna").GetRequisitionAsync(req)).Status());
    }

    [Fact]
    public async Task Only_the_erp_account_sets_the_erp_requisition_id()
    {
        var tenant = await fixture.CreateTenantAsync();
        var body = TestApi.Requisition(1_000m);
        body["external_erp_id"] = "ERP-4711";

        var byRequester = await tenant.As("u-anna").PostJsonAsync("/api/requisitions", body);
        body["requester_id"] = "u-anna";
        var byErp = await tenant.As("svc-erp", "erp").PostJsonAsync("/api/requisitions", body);

        var errors = await byRequester.ProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(errors.GetProperty("errors").TryGetProperty("external_erp_id", out _));
        Assert.Equal("ERP-4711", (await byErp.ReadAsync(HttpStatusCode.Created)).Str("external_erp_id"));
    }

    [Fact]
    public async Task Amounts_too_large_to_store_and_NUL_characters_are_input_errors_not_500()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        var huge = TestApi.Requisition(1m);
        huge["lines"]![0]!["quantity"] = 100_000_000;
        huge["lines"]![0]!["unit_price"] = 100_000_000;
        var nul = TestApi.Requisition(1_000m);
        nul["category"] = "Pharma\u0000ceuticals";

        await (await anna.PostJsonAsync("/api/requisitions", huge)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await anna.PostJsonAsync("/api/requisitions", nul)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_characters");
        await (await anna.GetAsync("/api/requisitions?requester=%00")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_characters");
    }

    [Fact]
    public async Task An_erp_endpoint_on_a_private_network_is_refused_unless_the_operator_allows_it()
    {
        await using var strict = ApiFixture.CreateFactory(("Governance:Outbox:AllowPrivateEndpoints", "false"));
        var tenant = await fixture.CreateTenantAsync(factory: strict);
        using var julia = tenant.As("u-julia");

        foreach (var url in new[] { "http://127.0.0.1:8080/po", "http://169.254.169.254/latest", "http://10.1.2.3/po", "http://localhost/po" })
        {
            var response = await julia.PutAsync(TestApi.Url("/api/integration/erp-endpoint"), TestApi.JsonBody(new JsonObject { ["url"] = url }));
            await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        }
        var ok = await julia.PutAsync(TestApi.Url("/api/integration/erp-endpoint"), TestApi.JsonBody(new JsonObject { ["url"] = "https://erp.example/po" }));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Concurrent_policy_activations_leave_exactly_one_active_version()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var julia = tenant.As("u-julia");
        var yaml = AiGovernance.Data.Seed.SeedResources.DefaultPolicyYaml;
        foreach (var name in new[] { "v2", "v3" })
        {
            var content = new StringContent(yaml.Replace("policy: default-approvals", "policy: default-" + name, StringComparison.Ordinal), Encoding.UTF8, "application/yaml");
            Assert.Equal(HttpStatusCode.Created, (await julia.PostAsync(TestApi.Url("/api/policies"), content)).StatusCode);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            julia.PostAsync(TestApi.Url($"/api/policies/{2 + i % 2}/activate"), null)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var versions = await (await julia.GetAsync("/api/policies")).ReadAsync(HttpStatusCode.OK);
        Assert.Single(versions.Items(), v => v.GetProperty("is_active").GetBoolean());
    }

    [Fact]
    public async Task A_flood_of_rejected_webhooks_writes_a_bounded_number_of_log_entries()
    {
        var hook = await ErpWebhook.ForNewTenantAsync(fixture);
        var body = Encoding.UTF8.GetBytes("{}");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await hook.SendSignedAsync(body, now, "v1=" + i.ToString("x64"))).StatusCode);

        var logged = await hook.LogAsync("webhook_rejected");
        Assert.InRange(logged.Count, 1, 20);
    }
}
