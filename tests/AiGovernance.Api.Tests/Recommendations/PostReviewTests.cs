using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Recommendations;

/// <summary>The mandatory after-the-fact review of an emergency purchase.</summary>
[Collection(ApiCollection.Name)]
public sealed class PostReviewTests(ApiFixture fixture)
{
    private const string Reviews = "/api/reviews";

    private static JsonObject Emergency() => TestApi.Requisition(1_000m, urgency: "emergency");

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient client, JsonElement review, string outcome, string? comment = null) =>
        client.PostJsonAsync($"{Reviews}/{review.Id()}/complete", new JsonObject { ["outcome"] = outcome, ["comment"] = comment });

    private static async Task<JsonElement> OpenReviewsAsync(HttpClient client) =>
        await (await client.GetAsync($"{Reviews}?status=open")).ReadAsync(HttpStatusCode.OK);

    [Fact]
    public async Task Approving_an_emergency_requisition_opens_a_review_due_in_three_days_which_an_independent_reviewer_completes()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna");
        using var hannah = tenant.As("u-hannah");
        var req = await anna.SubmitAsync(Emergency());
        Assert.Empty((await OpenReviewsAsync(hannah)).Items());

        var approved = await (await tenant.As("u-david").DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("approved", approved.GetProperty("requisition").Status());
        var review = Assert.Single((await OpenReviewsAsync(hannah)).Items());
        Assert.Equal((req.Id(), req.Number(), "open"), (review.GetProperty("requisition_id").GetGuid(), review.Str("requisition_number"), review.Str("status")));
        var due = review.GetProperty("due_at").GetDateTimeOffset() - review.GetProperty("created_at").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(3), due);
        Assert.Single((await hannah.DecisionLogAsync($"?requisition={req.Number()}")).Entries("post_review_created"));

        await (await CompleteAsync(hannah, review, "concern")).ValidationErrorsAsync("comment");
        var done = await (await CompleteAsync(hannah, review, "ok", "emergency justified: cold-chain failure")).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(("completed", "u-hannah", "ok"), (done.Str("status"), done.Str("completed_by"), done.Str("outcome")));
        Assert.Empty((await OpenReviewsAsync(hannah)).Items());
        await (await CompleteAsync(tenant.As("u-grace"), review, "concern", "late")).ProblemAsync(HttpStatusCode.Conflict, "post_review_not_open");
        var logged = Assert.Single((await hannah.DecisionLogAsync("?kind=post_review_completed")).Items());
        Assert.Equal(("u-hannah", req.Number(), "ok"), (logged.Str("actor"), logged.Str("subject_id"), logged.GetProperty("payload").Str("outcome")));
    }

    [Fact]
    public async Task A_normal_requisition_needs_no_after_the_fact_review()
    {
        var tenant = await fixture.CreateTenantAsync();
        var req = await tenant.As("u-anna").SubmitAsync(TestApi.Requisition(1_000m));

        await (await tenant.As("u-david").DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);

        Assert.Empty((await (await tenant.As("u-grace").GetAsync(Reviews)).ReadAsync(HttpStatusCode.OK)).Items());
    }

    [Fact]
    public async Task Neither_the_requester_nor_an_approver_may_complete_the_review()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var anna = tenant.As("u-anna", "requester", "compliance");
        using var david = tenant.As("u-david", "approver", "reviewer");
        var req = await anna.SubmitAsync(Emergency());
        await (await david.DecideAsync(req, "approve", 0)).ReadAsync(HttpStatusCode.OK);
        var review = Assert.Single((await OpenReviewsAsync(tenant.As("u-hannah"))).Items());

        await (await CompleteAsync(anna, review, "ok")).ProblemAsync(HttpStatusCode.Forbidden, "sod_requester_cannot_review");
        await (await CompleteAsync(david, review, "ok")).ProblemAsync(HttpStatusCode.Forbidden, "sod_approver_cannot_review");
        await (await CompleteAsync(tenant.As("u-felix"), review, "ok")).ProblemAsync(HttpStatusCode.Forbidden, "role_required");
        await (await tenant.As("u-felix").GetAsync(Reviews)).ProblemAsync(HttpStatusCode.Forbidden, "role_required");

        Assert.Equal("open", Assert.Single((await OpenReviewsAsync(tenant.As("u-grace"))).Items()).Str("status"));
        var refusals = (await tenant.As("u-hannah").DecisionLogAsync("?kind=sod_refusal")).Items().Select(e => e.GetProperty("payload").Str("code"));
        Assert.Equal(["sod_requester_cannot_review", "sod_approver_cannot_review"], refusals);
    }
}
