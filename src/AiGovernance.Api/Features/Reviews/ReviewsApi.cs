using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Data.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Reviews;

/// <summary>Mandatory after-the-fact reviews of emergency purchases.</summary>
public static class ReviewsApi
{
    private static readonly string[] Readers = [Roles.Compliance, Roles.Reviewer, Roles.Admin];
    /// <summary>Independent oversight roles only; SoD additionally excludes the requester and the approvers.</summary>
    private static readonly string[] Completers = [Roles.Compliance, Roles.Reviewer];

    public static RouteGroupBuilder MapReviewsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reviews").WithTags("Reviews");
        g.MapGet("/", List).WithName("ListPostReviews");
        g.MapGet("/{id:guid}", Get).WithName("GetPostReview").ProducesProblem(404);
        g.MapPost("/{id:guid}/complete", Complete).WithName("CompletePostReview").ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        return g;
    }

    public sealed record CompleteReviewRequest(string? Outcome, string? Comment);

    public static async Task<Ok<IReadOnlyList<PostReview>>> List(HttpContext http, TenantDb db, string? status, int? limit, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        if (status is not null && status is not ("open" or "completed"))
            throw ValidationFailedException.Single("status", "must be one of open, completed");
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await PostReviews.ListAsync(scope, status, Math.Clamp(limit ?? 50, 1, 500), ct));
    }

    public static async Task<Ok<PostReview>> Get(Guid id, HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await PostReviews.GetAsync(scope, id, ct)
            ?? throw DomainException.NotFound("post_review_not_found", $"Review {id} was not found."));
    }

    public static async Task<Ok<PostReview>> Complete(Guid id, CompleteReviewRequest request, HttpContext http, TenantDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Completers);
        caller.RequirePerson();
        await using var scope = await db.BeginAsync(caller, ct);
        var review = await PostReviews.CompleteAsync(scope, id, caller.UserId, request.Outcome, request.Comment, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(review);
    }
}
