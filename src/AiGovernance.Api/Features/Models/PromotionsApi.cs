using AiGovernance.Api.Infrastructure;
using AiGovernance.Core.Models;
using AiGovernance.Data.Models;
using AiGovernance.Data.Tenancy;
using AiGovernance.Worker.Detection;
using AiGovernance.Worker.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AiGovernance.Api.Features.Models;

/// <summary>
/// Promotion of model versions with a second person's approval, and rollback. The rules live in
/// <see cref="RequestPromotion"/>, <see cref="DecidePromotion"/> and <see cref="RollbackModel"/>, which the CLI calls too;
/// this file only maps callers and bodies. Only users of the operator tenant get past <see cref="OperatorTenant"/>.
/// </summary>
public static class PromotionsApi
{
    public static RouteGroupBuilder MapPromotionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/models").WithTags("Models");
        g.MapPost("/{kind}/promotions", Request).WithName("RequestModelPromotion").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(409).ProducesProblem(422);
        g.MapGet("/promotions", List).WithName("ListModelPromotions").ProducesProblem(403);
        g.MapPost("/promotions/{id:long}/approve", Approve).WithName("ApproveModelPromotion").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        g.MapPost("/promotions/{id:long}/reject", Reject).WithName("RejectModelPromotion").ProducesValidationProblem().ProducesProblem(403)
            .ProducesProblem(404).ProducesProblem(409);
        g.MapPost("/{kind}/rollback", Rollback).WithName("RollBackModel").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        return g;
    }

    public sealed record PromotionRequest(string? Version, string? Reason, string? OverrideReason);

    public sealed record DecisionRequest(string? Reason);

    public sealed record PromotionView(long Id, string Kind, string Version, string? FromVersion, string Status, string RequestedBy,
        DateTimeOffset RequestedAt, string Reason, string? OverrideReason, MetricComparison Comparison, bool ChallengerIsWorse,
        string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionReason, string? RolledBackBy, DateTimeOffset? RolledBackAt, string? RollbackReason)
    {
        public static PromotionView From(ModelPromotion p) => new(p.Id, p.Kind, p.Version, p.FromVersion, p.Status, p.RequestedBy, p.RequestedAt,
            p.Reason, p.OverrideReason, p.Comparison, p.Comparison.ChallengerIsWorse, p.DecidedBy, p.DecidedAt, p.DecisionReason,
            p.RolledBackBy, p.RolledBackAt, p.RollbackReason);
    }

    public static async Task<Created<PromotionView>> Request(string kind, PromotionRequest body, HttpContext http, TenantDb db, DetectionModels models,
        IOptions<PromotionOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var (actor, scope) = await OperatorScopeAsync(http, db, options, ct);
        await using (scope)
        {
            var p = await RequestPromotion.ExecuteAsync(scope, models.Registry, actor, kind, body.Version ?? "", body.Reason, body.OverrideReason, clock, ct);
            await scope.CommitAsync(ct);
            return TypedResults.Created($"/api/models/promotions/{p.Id}", PromotionView.From(p));
        }
    }

    public static async Task<Ok<IReadOnlyList<PromotionView>>> List(string? status, string? kind, HttpContext http, TenantDb db,
        IOptions<PromotionOptions> options, CancellationToken ct)
    {
        if (status is not null && !PromotionStatus.All.Contains(status))
            throw Core.ValidationFailedException.Single("status", $"must be one of {string.Join(", ", PromotionStatus.All)}");
        var (actor, scope) = await OperatorScopeAsync(http, db, options, ct);
        await using (scope)
        {
            PromotionRules.RequireRole(actor.Roles, PromotionRules.RollbackRoles);
            var list = await PromotionStore.ListAsync(scope, status, kind, 200, ct);
            return TypedResults.Ok<IReadOnlyList<PromotionView>>(list.Select(PromotionView.From).ToList());
        }
    }

    public static async Task<Ok<PromotionView>> Approve(long id, DecisionRequest? body, HttpContext http, TenantDb db, DetectionModels models,
        IOptions<PromotionOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var (actor, scope) = await OperatorScopeAsync(http, db, options, ct);
        await using (scope)
            return TypedResults.Ok(PromotionView.From(await DecidePromotion.ApproveAsync(scope, models.Registry, actor, id, body?.Reason, clock, ct)));
    }

    public static async Task<Ok<PromotionView>> Reject(long id, DecisionRequest body, HttpContext http, TenantDb db, IOptions<PromotionOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var (actor, scope) = await OperatorScopeAsync(http, db, options, ct);
        await using (scope)
            return TypedResults.Ok(PromotionView.From(await DecidePromotion.RejectAsync(scope, actor, id, body.Reason, clock, ct)));
    }

    public static async Task<Ok<PromotionView>> Rollback(string kind, DecisionRequest body, HttpContext http, TenantDb db, DetectionModels models,
        IOptions<PromotionOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var (actor, scope) = await OperatorScopeAsync(http, db, options, ct);
        await using (scope)
            return TypedResults.Ok(PromotionView.From(await RollbackModel.ExecuteAsync(scope, models.Registry, actor, kind, body.Reason, clock, ct)));
    }

    /// <summary>Service accounts never act on models; everyone else must belong to the operator tenant.</summary>
    private static async Task<(PromotionActor, TenantScope)> OperatorScopeAsync(HttpContext http, TenantDb db, IOptions<PromotionOptions> options,
        CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        caller.RequirePerson();
        var scope = await db.BeginAsync(caller, ct);
        try
        {
            await OperatorTenant.RequireAsync(scope, options.Value.OperatorTenant, ct);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
        return (new PromotionActor(caller.UserId, caller.Roles), scope);
    }
}
