using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Recommendations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Recommendations;

/// <summary>
/// The human checkpoint for AI output: producers post recommendations, people with the right role
/// accept, edit or reject them, and only accepted ones take effect.
/// </summary>
public static class RecommendationsApi
{
    /// <summary>The AI service accounts and the people who run them post; nobody else needs to.</summary>
    private static readonly string[] Posters = [Roles.Agent, Roles.DataScientist, Roles.Admin];
    public static readonly string[] Readers = [Roles.Reviewer, Roles.ProcurementOps, Roles.Approver, Roles.Compliance, Roles.Admin];

    public static RouteGroupBuilder MapRecommendationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/recommendations").WithTags("Recommendations");
        g.MapPost("/", Post).WithName("PostRecommendation").ProducesProblem(422).ProducesProblem(403);
        g.MapGet("/", List).WithName("ListRecommendations");
        g.MapGet("/{id:guid}", Get).WithName("GetRecommendation").ProducesProblem(404);
        g.MapPost("/{id:guid}/decision", Decide).WithName("DecideOnRecommendation").ProducesProblem(409).ProducesProblem(403).ProducesProblem(422);
        return g;
    }

    /// <summary>201 with the new pending recommendation, or 200 with the existing one for the same kind, subject and input hash.</summary>
    public static async Task<Results<Created<RecommendationView>, Ok<RecommendationView>>> Post(PostRecommendationRequest request, HttpContext http,
        TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Posters);
        await using var scope = await db.BeginAsync(caller, ct);
        var (rec, created) = await PostRecommendation.ExecuteAsync(scope, caller.UserId, request.ToDraft(), clock, ct);
        await scope.CommitAsync(ct);
        var view = RecommendationView.From(rec);
        return created ? TypedResults.Created($"/api/recommendations/{rec.Id}", view) : TypedResults.Ok(view);
    }

    public static async Task<Ok<IReadOnlyList<RecommendationView>>> List(HttpContext http, TenantDb db, string? status, string? kind, string? subject,
        int? limit, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        if (status is not null && !EnumNames.TryParseSnake<RecommendationStatus>(status, out _))
            throw ValidationFailedException.Single("status", "must be one of pending, accepted, edited, rejected, expired");
        await using var scope = await db.BeginAsync(caller, ct);
        var list = await RecommendationStore.ListAsync(scope, status?.ToLowerInvariant(), kind, subject, Math.Clamp(limit ?? 50, 1, 500), ct);
        return TypedResults.Ok<IReadOnlyList<RecommendationView>>(list.Select(RecommendationView.From).ToList());
    }

    public static async Task<Ok<RecommendationView>> Get(Guid id, HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        await using var scope = await db.BeginAsync(caller, ct);
        var rec = await RecommendationStore.GetAsync(scope, id, ct)
            ?? throw DomainException.NotFound("recommendation_not_found", $"Recommendation {id} was not found.");
        return TypedResults.Ok(RecommendationView.From(rec));
    }

    /// <summary>Role, SoD, input and state checks are in <see cref="Recommendation.Decide"/>; the effect applies in the same transaction.</summary>
    public static async Task<Ok<RecommendationView>> Decide(Guid id, RecommendationDecisionRequest request, HttpContext http, TenantDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var decision = DecideOnRecommendation.ParseDecision(request.Decision);
        await using var scope = await db.BeginAsync(caller, ct);
        var rec = await DecideOnRecommendation.ExecuteAsync(scope, new RecommendationDecider(caller.UserId, caller.Roles), id, decision,
            request.Reason, request.Payload, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(RecommendationView.From(rec));
    }
}
