using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SubmissionTests(ApiFixture fixture, KestrelHost kestrel) : IClassFixture<KestrelHost>
{
    [Fact]
    public async Task Submit_returns_201_with_location_and_routing_explanation_naming_the_matched_rules()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        var body = TestApi.Requisition(12_500m, category: "IT");

        var response = await anna.PostJsonAsync(TestApi.Requisitions, body);

        var view = await response.ReadAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/requisitions/{view.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("pending_approval", view.Status());
        Assert.Equal("u-anna", view.Str("requester_id"));
        Assert.Equal(12_500m, view.GetProperty("amount_base").GetDecimal());
        var routing = view.GetProperty("routing");
        Assert.Equal(1, routing.GetProperty("policy_version").GetInt32());
        Assert.False(routing.GetProperty("auto_approved").GetBoolean());
        var rules = routing.GetProperty("matched_rules").Items().ToDictionary(r => r.Str("rule_id")!);
        Assert.Contains("base", rules.Keys);
        Assert.Contains("it-over-10k", rules.Keys);
        Assert.DoesNotContain("emergency", rules.Keys);
        Assert.DoesNotContain("high-risk-supplier", rules.Keys);
        Assert.DoesNotContain("over-50k", rules.Keys);
        var itReasons = rules["it-over-10k"].GetProperty("reasons").Items().Select(r => r.GetString()!).ToList();
        Assert.Contains(itReasons, r => r.Contains("12,500.00 EUR > 10,000", StringComparison.Ordinal));
        Assert.Contains(itReasons, r => r.Contains("category IT", StringComparison.Ordinal));
        var explanation = routing.Str("explanation")!;
        Assert.Contains("rule base matched", explanation, StringComparison.Ordinal);
        Assert.Contains("rule it-over-10k matched", explanation, StringComparison.Ordinal);
        Assert.Contains("category IT is excluded", explanation, StringComparison.Ordinal);
        var steps = view.GetProperty("steps").Items().Select(s => s.Str("name")).ToList();
        Assert.Equal("owner-approval", steps[0]);
        Assert.Contains("it-review", steps);
        Assert.Equal(["user u-david"], view.GetProperty("next_approvers").Items().Select(a => a.GetString()));

        // The Location points at the stored requisition.
        var fetched = await (await anna.GetAsync(response.Headers.Location!.OriginalString)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(view.Number(), fetched.Number());
    }

    [Fact]
    public async Task Small_low_risk_requisition_is_auto_approved_and_logged_as_auto_approval()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var hannah = tenant.As("u-hannah");

        var view = await anna.SubmitAsync(TestApi.Requisition(120m));

        Assert.Equal("auto_approved", view.Status());
        Assert.True(view.GetProperty("routing").GetProperty("auto_approved").GetBoolean());
        Assert.Empty(view.GetProperty("steps").Items());
        var log = await hannah.DecisionLogAsync($"?requisition={view.Number()}");
        var entry = Assert.Single(log.Items());
        Assert.Equal("auto_approval", entry.Str("kind"));
        Assert.Equal("u-anna", entry.Str("actor"));
        Assert.Equal(view.Id().ToString(), entry.GetProperty("payload").Str("requisition_id"));
    }

    [Fact]
    public async Task Requisition_over_the_auto_approval_limit_is_not_auto_approved()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");

        var view = await anna.SubmitAsync(TestApi.Requisition(250.01m));

        Assert.Equal("pending_approval", view.Status());
        Assert.Contains("not auto-approved", view.GetProperty("routing").Str("explanation"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_lines_is_a_validation_error()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        var body = TestApi.Requisition(1000m);
        body.Remove("lines");

        var response = await anna.PostJsonAsync(TestApi.Requisitions, body);

        await response.ValidationErrorsAsync("lines");
        await AssertNoRequisitionsAsync(tenant);
    }

    [Fact]
    public async Task Bad_currency_is_a_validation_error()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");

        var response = await anna.PostJsonAsync(TestApi.Requisitions, TestApi.Requisition(1000m, currency: "euro"));

        await response.ValidationErrorsAsync("currency");
        await AssertNoRequisitionsAsync(tenant);
    }

    [Fact]
    public async Task Unknown_cost_centre_is_a_validation_error()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");

        var response = await anna.PostJsonAsync(TestApi.Requisitions, TestApi.Requisition(1000m, costCentre: "CC-NOPE"));

        var errors = await response.ValidationErrorsAsync("cost_centre");
        Assert.Contains("CC-NOPE", errors.GetProperty("cost_centre")[0].GetString(), StringComparison.Ordinal);
        await AssertNoRequisitionsAsync(tenant);
    }

    [Fact]
    public async Task Cost_centre_of_another_legal_entity_is_a_validation_error()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");

        var response = await anna.PostJsonAsync(TestApi.Requisitions, TestApi.Requisition(1000m, legalEntity: "LE-EU", costCentre: "CC-AF-PHARMA"));

        var errors = await response.ValidationErrorsAsync("cost_centre");
        Assert.Contains("LE-AF", errors.GetProperty("cost_centre")[0].GetString(), StringComparison.Ordinal);
        await AssertNoRequisitionsAsync(tenant);
    }

    [Fact]
    public async Task Unknown_supplier_is_a_validation_error()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");

        var response = await anna.PostJsonAsync(TestApi.Requisitions, TestApi.Requisition(1000m, supplier: "sup-does-not-exist"));

        await response.ValidationErrorsAsync("supplier_id");
        await AssertNoRequisitionsAsync(tenant);
    }

    [Theory]
    [InlineData("status", "approved")]
    [InlineData("approvers", "u-anna")]
    [InlineData("amount_base", "1")]
    public async Task Derived_fields_cannot_be_mass_assigned(string field, string value)
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        var body = TestApi.Requisition(1000m);
        body[field] = value;

        var response = await anna.PostJsonAsync(TestApi.Requisitions, body);

        await response.ValidationErrorsAsync(field);
        await AssertNoRequisitionsAsync(tenant);
    }

    [Fact]
    public async Task Body_over_one_mebibyte_is_refused_with_413()
    {
        // The limit is Kestrel's (Governance:Api:MaxRequestBodyBytes), so this runs against a real Kestrel server.
        var tenant = await fixture.CreateTenantAsync(factory: kestrel.Factory);
        using var anna = tenant.As("u-anna");
        var body = TestApi.Requisition(1000m);
        body["lines"]![0]!["description"] = new string('x', 1024 * 1024 + 1);

        var response = await anna.PostJsonAsync(TestApi.Requisitions, body);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request_too_large");
        await AssertNoRequisitionsAsync(tenant);
    }

    [Fact]
    public async Task Body_just_under_the_limit_is_read()
    {
        var tenant = await fixture.CreateTenantAsync(factory: kestrel.Factory);
        using var anna = tenant.As("u-anna");
        var body = TestApi.Requisition(1000m);
        body["lines"]![0]!["description"] = new string('x', 1024 * 1024 - 1024);

        var response = await anna.PostJsonAsync(TestApi.Requisitions, body);

        // Read in full and validated: the description is too long, but the body was not refused for its size.
        await response.ValidationErrorsAsync("lines[0].description");
    }

    [Fact]
    public async Task Non_json_content_type_is_refused_with_415()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var content = new StringContent(TestApi.Requisition(1000m).ToJsonString(), Encoding.UTF8, "text/plain");

        var response = await anna.PostAsync(TestApi.Url(TestApi.Requisitions), content);

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await AssertNoRequisitionsAsync(tenant);
    }

    [Fact]
    public async Task A_user_without_the_requester_role_cannot_submit()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var david = tenant.As("u-david");

        var response = await david.PostJsonAsync(TestApi.Requisitions, TestApi.Requisition(1000m));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await AssertNoRequisitionsAsync(tenant);
    }

    private static async Task AssertNoRequisitionsAsync(TestTenant tenant)
    {
        using var julia = tenant.As("u-julia");
        var list = await (await julia.GetAsync(TestApi.Requisitions)).ReadAsync(HttpStatusCode.OK);
        Assert.Empty(list.Items());
    }
}
