using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Webhooks;

/// <summary>The admin-only integration settings: secrets shown once, rotation, the ERP endpoint; all logged.</summary>
[Collection(ApiCollection.Name)]
public sealed class IntegrationSettingsTests(ApiFixture fixture)
{
    private const string Secrets = "/api/integration/webhook-secrets";

    [Fact]
    public async Task A_secret_is_shown_once_and_never_listed()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var julia = tenant.As("u-julia");

        var created = await (await julia.PostJsonAsync(Secrets, new JsonObject { ["direction"] = "outbound" })).ReadAsync(HttpStatusCode.Created);
        var listText = await (await julia.GetAsync(Secrets)).Content.ReadAsStringAsync();

        var secret = created.Str("secret")!;
        Assert.Equal(43, secret.Length); // 32 bytes, base64url without padding
        Assert.DoesNotContain(secret, listText, StringComparison.Ordinal);
        Assert.Contains(created.GetProperty("id").GetGuid().ToString(), listText, StringComparison.Ordinal);
        Assert.Contains("\"outbound\"", listText, StringComparison.Ordinal);
        var logged = Assert.Single(await LogAsync(julia));
        Assert.DoesNotContain(secret, logged.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivating_twice_is_a_conflict_and_unknown_ids_are_not_found()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var julia = tenant.As("u-julia");
        var id = (await ErpWebhook.CreateSecretAsync(julia)).Id;

        var first = await julia.PostAsync(TestApi.Url($"{Secrets}/{id}/deactivate"), null);
        var second = await julia.PostAsync(TestApi.Url($"{Secrets}/{id}/deactivate"), null);
        var unknown = await julia.PostAsync(TestApi.Url($"{Secrets}/{Guid.NewGuid()}/deactivate"), null);

        Assert.False((await first.ReadAsync(HttpStatusCode.OK)).GetProperty("active").GetBoolean());
        await second.ProblemAsync(HttpStatusCode.Conflict, "webhook_secret_inactive");
        await unknown.ProblemAsync(HttpStatusCode.NotFound, "webhook_secret_not_found");
        Assert.Equal(2, (await LogAsync(julia)).Count);
    }

    [Fact]
    public async Task The_erp_endpoint_must_be_an_absolute_http_url()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var julia = tenant.As("u-julia");

        var relative = await julia.PutAsync(TestApi.Url("/api/integration/erp-endpoint"), TestApi.JsonBody(new JsonObject { ["url"] = "/po" }));
        var ftp = await julia.PutAsync(TestApi.Url("/api/integration/erp-endpoint"), TestApi.JsonBody(new JsonObject { ["url"] = "ftp://erp.example/po" }));
        var ok = await julia.PutAsync(TestApi.Url("/api/integration/erp-endpoint"), TestApi.JsonBody(new JsonObject { ["url"] = "https://erp.example/po" }));

        await relative.ValidationErrorsAsync("url");
        await ftp.ValidationErrorsAsync("url");
        await ok.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("https://erp.example/po", (await (await julia.GetAsync("/api/integration/erp-endpoint")).ReadAsync(HttpStatusCode.OK)).Str("url"));
        Assert.Equal(1, await CountAsync(tenant, "SELECT count(*) FROM erp_endpoints WHERE url = 'https://erp.example/po'"));
        Assert.Equal("erp_endpoint_set", Assert.Single(await LogAsync(julia)).GetProperty("payload").Str("action"));
    }

    [Fact]
    public async Task Only_admins_manage_integration_settings()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var felix = tenant.As("u-felix");
        using var erpAccount = tenant.As("svc-erp", "erp");

        await (await felix.PostJsonAsync(Secrets, new JsonObject { ["direction"] = "inbound" })).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await erpAccount.GetAsync(Secrets)).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await felix.PutAsync(TestApi.Url("/api/integration/erp-endpoint"), TestApi.JsonBody(new JsonObject { ["url"] = "https://x.example" })))
            .ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        Assert.Equal(0, await CountAsync(tenant, "SELECT count(*) FROM webhook_secrets"));
    }

    [Fact]
    public async Task A_direction_is_required()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var julia = tenant.As("u-julia");

        await (await julia.PostJsonAsync(Secrets, new JsonObject { ["direction"] = "sideways" })).ValidationErrorsAsync("direction");
    }

    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> LogAsync(HttpClient admin) =>
        (await admin.DecisionLogAsync("?kind=integration_changed")).Items().ToList();

    private static async Task<long> CountAsync(TestTenant tenant, string sql)
    {
        await using var scope = await tenant.OwnerScopeAsync();
        await using var cmd = scope.Command(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
