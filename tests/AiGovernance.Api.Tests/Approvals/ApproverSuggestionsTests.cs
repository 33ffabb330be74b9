using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Approvals;

[Collection(ApiCollection.Name)]
public sealed class ApproverSuggestionsTests(ApiFixture fixture)
{
    private const string Suggestions = "/api/approver-suggestions";

    /// <summary>Two steps any approver may decide, no authority limits: the choice of person is all the policy leaves.</summary>
    private const string TwoApproverSteps = """
        policy: two-approver-steps
        base_currency: EUR
        rules:
          - id: two
            description: Two approvers, one after the other
            when: {}
            steps:
              - { name: first, approvers: [ { role: approver } ] }
              - { name: second, approvers: [ { role: approver } ] }
        """;

    private static Task<HttpResponseMessage> SetOwner(HttpClient client, string costCentre, string? owner, int? rank = null) =>
        client.PutAsync(TestApi.Url($"/api/cost-centres/{costCentre}/owner"),
            TestApi.JsonBody(new JsonObject { ["owner_id"] = owner, ["suggestion_rank"] = rank }));

    /// <summary>Submits on the cost centre as u-anna and has <paramref name="approver"/> approve its first step.</summary>
    private static async Task SubmitAndApprove(HttpClient requester, HttpClient approver, string costCentre)
    {
        var req = await requester.SubmitAsync(TestApi.Requisition(1_000m, costCentre: costCentre));
        await (await approver.DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_cost_centre_without_an_owner_gets_the_person_who_approved_most_there_first_and_setting_them_is_logged_and_unblocks_submission()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var carla = tenant.As("u-carla");
        using var david = tenant.As("u-david");
        using var esther = tenant.As("u-esther");
        using var felix = tenant.As("u-felix");
        using var hannah = tenant.As("u-hannah");
        using var julia = tenant.As("u-julia");
        // History through the API: Esther owned CC-EU-DIAG for three approvals, then Carla for one; David approves on CC-EU-PHARMA.
        await (await SetOwner(julia, "CC-EU-DIAG", "u-esther")).ReadAsync(HttpStatusCode.OK);
        for (var i = 0; i < 3; i++) await SubmitAndApprove(anna, esther, "CC-EU-DIAG");
        await (await SetOwner(julia, "CC-EU-DIAG", "u-carla")).ReadAsync(HttpStatusCode.OK);
        await SubmitAndApprove(anna, carla, "CC-EU-DIAG");
        await SubmitAndApprove(anna, david, "CC-EU-PHARMA");
        // The owner leaves (there is no API to clear an owner: the directory sync would do this).
        await using (var scope = await tenant.OwnerScopeAsync())
        {
            await using var cmd = scope.Command("UPDATE cost_centres SET owner_id = NULL WHERE code = 'CC-EU-DIAG'");
            await cmd.ExecuteNonQueryAsync();
            await scope.CommitAsync();
        }
        await (await anna.PostJsonAsync(TestApi.Requisitions, TestApi.Requisition(1_000m, costCentre: "CC-EU-DIAG")))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "cost_centre_has_no_owner");

        var answer = await (await felix.GetAsync($"{Suggestions}?for=cost_centre_owner&cost_centre=CC-EU-DIAG")).ReadAsync(HttpStatusCode.OK);

        var ranked = answer.GetProperty("suggestions").Items().ToList();
        Assert.Equal(["u-esther", "u-carla", "u-david"], ranked.Select(s => s.Str("user_id")));
        Assert.Equal([1, 2, 3], ranked.Select(s => s.GetProperty("rank").GetInt32()));
        var reasons = ranked[0].GetProperty("reasons").Items().Select(r => r.GetString()).ToList();
        Assert.Contains("approved 3 requisitions of cost centre CC-EU-DIAG in the last 90 days", reasons);
        Assert.Contains("holds role approver (may approve up to 10,000 EUR)", reasons);
        Assert.Contains(reasons, r => r!.StartsWith("median ", StringComparison.Ordinal));
        Assert.Contains("approved 1 requisition of cost centre CC-EU-DIAG in the last 90 days",
            ranked[1].GetProperty("reasons").Items().Select(r => r.GetString()));
        var excluded = answer.GetProperty("excluded").Items().ToDictionary(e => e.Str("user_id")!, e => e.Str("reason"));
        Assert.StartsWith("holds none of the roles that may decide here", excluded["u-anna"]);
        Assert.True(answer.GetProperty("current_owner").ValueKind == JsonValueKind.Null);

        var set = await (await SetOwner(julia, "CC-EU-DIAG", "u-esther", rank: 1)).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("u-esther", set.Str("owner_id"));
        Assert.Equal(1, set.GetProperty("suggestion").GetProperty("rank").GetInt32());
        var entry = (await hannah.DecisionLogAsync("?kind=cost_centre_owner_set")).Items().Last();
        Assert.Equal("u-julia", entry.Str("actor"));
        Assert.Equal("CC-EU-DIAG", entry.Str("subject_id"));
        var payload = entry.GetProperty("payload");
        Assert.Equal("u-esther", payload.Str("owner"));
        Assert.True(payload.GetProperty("previous_owner").ValueKind == JsonValueKind.Null);
        Assert.Equal(1, payload.GetProperty("suggestion").GetProperty("stated_rank").GetInt32());
        Assert.Contains("approved 3 requisitions of cost centre CC-EU-DIAG in the last 90 days",
            payload.GetProperty("suggestion").GetProperty("reasons").Items().Select(r => r.GetString()));
        Assert.Equal(3, (await hannah.DecisionLogAsync("?kind=cost_centre_owner_set")).GetArrayLength());

        var now = await anna.SubmitAsync(TestApi.Requisition(1_000m, costCentre: "CC-EU-DIAG"));
        Assert.Equal("pending_approval", now.Status());
        Assert.Single((await esther.QueueAsync()).Items(), i => i.GetProperty("requisition_id").GetGuid() == now.Id());
    }

    [Fact]
    public async Task For_a_role_step_the_requester_and_whoever_decided_an_earlier_step_are_never_suggested()
    {
        var tenant = await fixture.CreateTenantAsync(TwoApproverSteps);
        using var carla = tenant.As("u-carla");
        using var david = tenant.As("u-david");
        using var julia = tenant.As("u-julia");
        var req = await carla.SubmitAsync(TestApi.Requisition(1_000m));
        await (await david.DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);

        var answer = await (await julia.GetAsync($"{Suggestions}?for=step&requisition={req.Id()}")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(1, answer.GetProperty("step").GetInt32());
        Assert.Equal(["approver"], answer.GetProperty("qualifying_roles").Items().Select(r => r.GetString()));
        var suggested = Assert.Single(answer.GetProperty("suggestions").Items());
        Assert.Equal("u-esther", suggested.Str("user_id"));
        var excluded = answer.GetProperty("excluded").Items().ToDictionary(e => e.Str("user_id")!, e => e.Str("reason")!);
        Assert.EndsWith("(sod_requester_cannot_approve)", excluded["u-carla"]);
        Assert.EndsWith("(sod_one_person_two_steps)", excluded["u-david"]);

        await (await david.DecideAsync(req, "approve", 1)).ProblemAsync(HttpStatusCode.Forbidden, "sod_one_person_two_steps");
    }

    [Fact]
    public async Task A_delegate_suggestion_ranks_who_decided_on_the_absent_persons_cost_centres_and_applying_it_logs_the_suggestion()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        using var esther = tenant.As("u-esther");
        using var hannah = tenant.As("u-hannah");
        using var julia = tenant.As("u-julia");
        // Esther covered for David once before: she decided two of his cost centre's requisitions.
        var earlier = await (await TestApiDelegations.Create(david, null, "u-esther")).ReadAsync(HttpStatusCode.Created);
        await SubmitAndApprove(anna, esther, "CC-EU-PHARMA");
        await SubmitAndApprove(anna, esther, "CC-EU-PHARMA");
        (await david.DeleteAsync(TestApi.Url($"/api/delegations/{earlier.GetProperty("id").GetGuid()}"))).EnsureSuccessStatusCode();

        var answer = await (await julia.GetAsync($"{Suggestions}?for=delegate&user=u-david")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(["CC-EU-DIAG", "CC-EU-PHARMA"], answer.GetProperty("cost_centres").Items().Select(c => c.GetString()));
        var first = answer.GetProperty("suggestions")[0];
        Assert.Equal("u-esther", first.Str("user_id"));
        Assert.Contains("approved 2 requisitions of cost centres CC-EU-DIAG, CC-EU-PHARMA in the last 90 days",
            first.GetProperty("reasons").Items().Select(r => r.GetString()));
        Assert.DoesNotContain(answer.GetProperty("suggestions").Items(), s => s.Str("user_id") == "u-david");
        Assert.Equal("is the person who is away",
            answer.GetProperty("excluded").Items().Single(e => e.Str("user_id") == "u-david").Str("reason"));

        (await TestApiDelegations.Create(julia, "u-david", "u-esther", rank: 1)).EnsureSuccessStatusCode();

        var created = (await hannah.DecisionLogAsync("?kind=delegation_created")).Items().Last().GetProperty("payload");
        Assert.Equal("u-esther", created.Str("delegate_id"));
        var suggestion = created.GetProperty("suggestion");
        Assert.Equal(1, suggestion.GetProperty("stated_rank").GetInt32());
        Assert.Equal(1, suggestion.GetProperty("rank").GetInt32());
        Assert.Contains("approved 2 requisitions of cost centres CC-EU-DIAG, CC-EU-PHARMA in the last 90 days",
            suggestion.GetProperty("reasons").Items().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_step_that_names_its_approver_has_nothing_to_suggest_and_a_decided_requisition_has_no_step()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var david = tenant.As("u-david");
        using var felix = tenant.As("u-felix");
        var req = await anna.SubmitAsync(TestApi.Requisition(1_000m));

        var answer = await (await felix.GetAsync($"{Suggestions}?for=step&requisition={req.Id()}")).ReadAsync(HttpStatusCode.OK);

        Assert.Empty(answer.GetProperty("suggestions").Items());
        Assert.Equal("Step 'owner-approval' names its approver (user u-david); there is no choice to suggest.", answer.Str("note"));

        await (await david.DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);
        await (await felix.GetAsync($"{Suggestions}?for=step&requisition={req.Id()}")).ProblemAsync(HttpStatusCode.Conflict, "requisition_not_pending");
    }

    [Theory]
    [InlineData("", "for")]
    [InlineData("?for=boss", "for")]
    [InlineData("?for=cost_centre_owner", "cost_centre")]
    [InlineData("?for=delegate", "user")]
    [InlineData("?for=step", "requisition")]
    [InlineData("?for=step&requisition=REQ-1", "requisition")]
    [InlineData("?for=cost_centre_owner&cost_centre=CC-EU-DIAG&days=0", "days")]
    [InlineData("?for=delegate&user=u-david&from=tomorrow", "from")]
    public async Task Missing_or_malformed_parameters_are_field_errors(string query, string field)
    {
        var tenant = await fixture.CreateTenantAsync();
        using var julia = tenant.As("u-julia");

        await (await julia.GetAsync(Suggestions + query)).ValidationErrorsAsync(field);
    }

    [Fact]
    public async Task Unknown_subjects_are_not_found_and_only_admins_and_procurement_ops_may_ask()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var julia = tenant.As("u-julia");
        using var david = tenant.As("u-david");

        await (await julia.GetAsync($"{Suggestions}?for=cost_centre_owner&cost_centre=CC-NOPE")).ProblemAsync(HttpStatusCode.NotFound, "cost_centre_not_found");
        await (await julia.GetAsync($"{Suggestions}?for=delegate&user=u-nobody")).ProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await julia.GetAsync($"{Suggestions}?for=delegate&user=u-david&cost_centre=CC-NOPE")).ProblemAsync(HttpStatusCode.NotFound, "cost_centre_not_found");
        await (await julia.GetAsync($"{Suggestions}?for=step&requisition={Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound, "requisition_not_found");
        await (await david.GetAsync($"{Suggestions}?for=cost_centre_owner&cost_centre=CC-EU-DIAG")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
    }

    [Fact]
    public async Task Setting_an_owner_is_for_admins_and_needs_an_active_user_who_may_approve()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var julia = tenant.As("u-julia");
        using var felix = tenant.As("u-felix");
        using var hannah = tenant.As("u-hannah");

        await (await SetOwner(felix, "CC-EU-DIAG", "u-esther")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await SetOwner(julia, "CC-EU-DIAG", null)).ValidationErrorsAsync("owner_id");
        await (await SetOwner(julia, "CC-EU-DIAG", "u-nobody")).ValidationErrorsAsync("owner_id");
        var errors = await (await SetOwner(julia, "CC-EU-DIAG", "u-anna")).ValidationErrorsAsync("owner_id");
        Assert.Contains("holds no role that may approve", errors.GetProperty("owner_id")[0].GetString());
        await (await SetOwner(julia, "CC-EU-DIAG", "u-esther", rank: 0)).ValidationErrorsAsync("suggestion_rank");
        await (await SetOwner(julia, "CC-NOPE", "u-esther")).ProblemAsync(HttpStatusCode.NotFound, "cost_centre_not_found");
        await (await SetOwner(julia, "CC-EU-DIAG", "u-david")).ProblemAsync(HttpStatusCode.Conflict, "cost_centre_owner_unchanged");

        Assert.Equal(0, (await hannah.DecisionLogAsync("?kind=cost_centre_owner_set")).GetArrayLength());
        var centres = await (await julia.GetAsync("/api/cost-centres")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("u-david", centres.Items().Single(c => c.Str("code") == "CC-EU-DIAG").Str("owner_id"));
    }
}

internal static class TestApiDelegations
{
    public static Task<HttpResponseMessage> Create(HttpClient client, string? delegator, string delegateId, int? rank = null) =>
        client.PostJsonAsync("/api/delegations", new JsonObject
        {
            ["delegator_id"] = delegator,
            ["delegate_id"] = delegateId,
            ["valid_to"] = DateTimeOffset.UtcNow.AddDays(7),
            ["suggestion_rank"] = rank,
        });
}
