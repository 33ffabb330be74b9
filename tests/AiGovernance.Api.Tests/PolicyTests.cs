using System.Net;
using System.Text;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class PolicyTests(ApiFixture fixture)
{
    /// <summary>Everything goes to procurement: easy to tell apart from the default policy's owner approval.</summary>
    private const string ProcurementOnlyPolicy = """
        policy: procurement-only
        base_currency: EUR
        authority_limits: { procurement_ops: 25000 }
        rules:
          - id: procurement-everything
            description: procurement approves every requisition
            when: {}
            steps:
              - { name: procurement-approval, approvers: [ { role: procurement_ops } ] }
        """;

    private const string InvalidPolicy = """
        policy: broken
        base_currency: euro
        rules:
          - id: Base
            when: { amount: { gte: 500, lte: 100 } }
            steps:
              - { name: x, mode: parallel, quorum: 3, approvers: [ { role: approver } ] }
        """;

    [Fact]
    public async Task An_invalid_policy_is_refused_with_line_numbered_errors()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var julia = tenant.As("u-julia");

        var response = await UploadAsync(julia, InvalidPolicy);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "policy_invalid");
        var errors = problem.GetProperty("errors").Items().ToList();
        Assert.True(errors.Count >= 3, problem.ToString());
        Assert.All(errors, e => Assert.InRange(e.GetProperty("line").GetInt32(), 1, 8));
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 2 && e.Str("path")!.Contains("base_currency", StringComparison.Ordinal));
        Assert.Single(await ListAsync(julia));
    }

    [Fact]
    public async Task A_valid_upload_is_version_2_and_inactive_until_activated()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var julia = tenant.As("u-julia");
        using var anna = tenant.As("u-anna");

        var response = await UploadAsync(julia, ProcurementOnlyPolicy);

        var info = await response.ReadAsync(HttpStatusCode.Created);
        Assert.Equal(2, info.GetProperty("version").GetInt32());
        Assert.False(info.GetProperty("is_active").GetBoolean());
        Assert.Equal("/api/policies/2", response.Headers.Location?.OriginalString);
        var versions = await ListAsync(julia);
        Assert.Equal([(1, true), (2, false)], versions.Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("is_active").GetBoolean())));
        // Until activated, routing keeps using version 1.
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        Assert.Equal(1, req.GetProperty("routing").GetProperty("policy_version").GetInt32());
    }

    [Fact]
    public async Task Activating_version_2_routes_new_requisitions_with_it()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var julia = tenant.As("u-julia");
        using var anna = tenant.As("u-anna");
        using var felix = tenant.As("u-felix");
        using var david = tenant.As("u-david");
        var before = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        (await UploadAsync(julia, ProcurementOnlyPolicy)).EnsureSuccessStatusCode();

        var activated = await (await julia.PostAsync(TestApi.Url("/api/policies/2/activate"), null)).ReadAsync(HttpStatusCode.OK);

        Assert.True(activated.GetProperty("is_active").GetBoolean());
        var after = await anna.SubmitAsync(TestApi.Requisition(1_000m));
        var routing = after.GetProperty("routing");
        Assert.Equal(2, routing.GetProperty("policy_version").GetInt32());
        Assert.Equal("procurement-only", routing.Str("policy_name"));
        Assert.Equal(["procurement-everything"], routing.GetProperty("matched_rules").Items().Select(r => r.Str("rule_id")));
        Assert.Equal(["role procurement_ops"], after.GetProperty("next_approvers").Items().Select(a => a.GetString()));
        // A requisition routed before keeps its version-1 chain and can still be approved under it.
        Assert.Equal(1, (await anna.GetRequisitionAsync(before)).GetProperty("routing").GetProperty("policy_version").GetInt32());
        Assert.Equal([after.Id()], (await felix.QueueAsync()).Items().Select(i => i.GetProperty("requisition_id").GetGuid()));
        (await david.DecideAsync(before, "approve", 0)).EnsureSuccessStatusCode();
        using var hannah = tenant.As("u-hannah");
        var activation = Assert.Single((await hannah.DecisionLogAsync("?kind=policy_activated")).Items(), e => e.Str("actor") == "u-julia");
        Assert.Equal(1, activation.GetProperty("payload").GetProperty("previous_version").GetInt32());
    }

    [Theory]
    [InlineData("u-felix")]
    [InlineData("u-hannah")]
    [InlineData("u-david")]
    public async Task Only_an_admin_may_upload_or_activate_a_policy(string user)
    {
        var tenant = await fixture.CreateTenantAsync();
        using var client = tenant.As(user);
        using var julia = tenant.As("u-julia");

        var upload = await UploadAsync(client, ProcurementOnlyPolicy);
        var activate = await client.PostAsync(TestApi.Url("/api/policies/1/activate"), null);

        await upload.ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await activate.ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        Assert.Single(await ListAsync(julia));
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string yaml) =>
        client.PostAsync(TestApi.Url("/api/policies"), new StringContent(yaml, Encoding.UTF8, "application/yaml"));

    private static async Task<List<System.Text.Json.JsonElement>> ListAsync(HttpClient admin) =>
        (await (await admin.GetAsync("/api/policies")).ReadAsync(HttpStatusCode.OK)).Items().ToList();
}
