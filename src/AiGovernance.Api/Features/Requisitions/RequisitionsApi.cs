using System.Text.Json;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data;
using AiGovernance.Data.Approvals;
using AiGovernance.Data.Idempotency;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Features.Requisitions;

public static class RequisitionsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapRequisitionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/requisitions").WithTags("Requisitions");
        g.MapPost("/", Submit).WithName("SubmitRequisition").Accepts<SubmitRequisitionRequest>("application/json")
            .Produces<RequisitionView>(201).ProducesProblem(422).ProducesProblem(409);
        g.MapGet("/", List).WithName("ListRequisitions");
        g.MapGet("/{id:guid}", Get).WithName("GetRequisition").ProducesProblem(404);
        g.MapPost("/{id:guid}/decisions", Decide).WithName("DecideOnRequisition");
        g.MapPost("/{id:guid}/information", ProvideInformation).WithName("ProvideInformation");
        g.MapPost("/{id:guid}/release-hold", ReleaseHold).WithName("ReleaseAiHold");
        return g;
    }

    /// <summary>
    /// Submits a requisition. With an Idempotency-Key, a retry with the same body replays the stored
    /// response and a reuse with a different body is refused (422), as Stripe does.
    /// </summary>
    public static async Task<IResult> Submit(HttpContext http, TenantDb db, PolicyCache policies, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (!caller.IsInAnyRole(Roles.Requester, Roles.Erp))
            throw DomainException.Forbidden("role_required", "Submitting requisitions needs the requester role or the erp service account.");
        var body = await ReadBodyAsync(http, ct);
        var request = Deserialize<SubmitRequisitionRequest>(body);
        var requester = caller.UserId;
        if (request.RequesterId is { } onBehalf && onBehalf != caller.UserId)
        {
            if (!caller.Roles.Contains(Roles.Erp))
                throw ValidationFailedException.Single("requester_id", "only the ERP service account may submit on behalf of another user");
            requester = onBehalf;
        }
        // The ERP's own id joins its records to ours (updates, PO release): only the ERP may set it.
        if (request.ExternalErpId is not null && !caller.Roles.Contains(Roles.Erp))
            throw ValidationFailedException.Single("external_erp_id", "only the ERP service account may set the ERP's requisition id");
        var key = http.Request.Headers[IdempotencyHeader].FirstOrDefault();
        if (key is { Length: > 255 }) throw ValidationFailedException.Single(IdempotencyHeader, "must be at most 255 characters");

        await using var scope = await db.BeginAsync(caller, ct);
        if (key is not null)
        {
            var claim = await IdempotencyStore.ClaimAsync(scope, caller.UserId, key, IdempotencyStore.HashBody(body), ct);
            if (claim is IdempotencyClaim.Replay replay)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
                if (replay.Response.Location is { } loc) http.Response.Headers.Location = loc;
                return Results.Text(replay.Response.Body, "application/json", statusCode: replay.Response.StatusCode);
            }
            if (claim is IdempotencyClaim.Mismatch)
                throw DomainException.Unprocessable("idempotency_key_reused",
                    $"Idempotency-Key '{key}' was already used with a different request body.");
        }
        var stored = await SubmitRequisition.ExecuteAsync(scope, requester, request.ToDraft(), policies, clock, ct);
        var view = RequisitionView.From(stored);
        var location = $"/api/requisitions/{view.Id}";
        if (key is not null)
            await IdempotencyStore.CompleteAsync(scope, caller.UserId, key, new StoredResponse(201, JsonSerializer.Serialize(view, Json.Options), location), ct);
        await scope.CommitAsync(ct);
        return TypedResults.Created(location, view);
    }

    public static async Task<Results<Ok<RequisitionView>, ProblemHttpResult>> Get(Guid id, HttpContext http, TenantDb db, CancellationToken ct)
    {
        await using var scope = await db.BeginAsync(Caller.From(http.User), ct);
        var stored = await RequisitionStore.GetAsync(scope, id, ct);
        // Another tenant's requisition is invisible under row-level security, so it is simply not found.
        // TypedResults.Problem (not NotFound(problem)) so it is application/problem+json with the correlation id, like every other error.
        return stored is null ? TypedResults.Problem(NotFoundProblem(id)) : TypedResults.Ok(RequisitionView.From(stored));
    }

    public static async Task<Ok<IReadOnlyList<RequisitionView>>> List(HttpContext http, TenantDb db, string? status, string? requester, int? limit, CancellationToken ct)
    {
        if (status is not null && !EnumNames.TryParseSnake<RequisitionStatus>(status, out _))
            throw ValidationFailedException.Single("status", "must be one of pending_approval, info_requested, approved, rejected, auto_approved");
        await using var scope = await db.BeginAsync(Caller.From(http.User), ct);
        var list = await RequisitionStore.ListAsync(scope, status, requester, Math.Clamp(limit ?? 50, 1, 500), ct);
        return TypedResults.Ok<IReadOnlyList<RequisitionView>>(list.Select(RequisitionView.From).ToList());
    }

    public sealed record DecisionRequest(string? Decision, string? Comment, int? Step);

    public sealed record DecisionResponse(string Decision, int Step, string StepName, string ActorId, string? OnBehalfOf, RequisitionView Requisition);

    public static async Task<Ok<DecisionResponse>> Decide(Guid id, DecisionRequest request, HttpContext http, TenantDb db, PolicyCache policies,
        TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        caller.RequirePerson();
        var kind = DecideOnRequisition.ParseDecision(request.Decision, request.Comment);
        await using var scope = await db.BeginAsync(caller, ct);
        var (stored, outcome) = await DecideOnRequisition.ExecuteAsync(scope, caller.AsActor(), id, kind, request.Step, request.Comment, policies, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(new DecisionResponse(outcome.Kind.ToSnakeCase(), outcome.StepIndex, outcome.StepName, outcome.ActorId, outcome.OnBehalfOf,
            RequisitionView.From(stored)));
    }

    public sealed record InformationRequest(string? Comment);

    public static async Task<Ok<RequisitionView>> ProvideInformation(Guid id, InformationRequest request, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (string.IsNullOrWhiteSpace(request.Comment)) throw ValidationFailedException.Single("comment", "is required: say what information you added");
        await using var scope = await db.BeginAsync(caller, ct);
        var stored = await DecideOnRequisition.ProvideInformationAsync(scope, caller.UserId, id, request.Comment, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(RequisitionView.From(stored));
    }

    public sealed record ReleaseHoldRequest(string? Reason);

    /// <summary>Lifts the hold an accepted AI recommendation placed; supplier and budget holds lift only when their data changes.</summary>
    public static async Task<Ok<RequisitionView>> ReleaseHold(Guid id, ReleaseHoldRequest request, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Reviewer, Roles.ProcurementOps, Roles.Admin);
        caller.RequirePerson();
        if (string.IsNullOrWhiteSpace(request.Reason)) throw ValidationFailedException.Single("reason", "is required: say why the hold no longer applies");
        await using var scope = await db.BeginAsync(caller, ct);
        var stored = await AiGovernance.Data.Recommendations.ReleaseAiHold.ExecuteAsync(scope, caller.UserId, id, request.Reason, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(RequisitionView.From(stored));
    }

    internal static ProblemDetails NotFoundProblem(Guid id) => ProblemMapping.Problem(404, "requisition_not_found", $"Requisition {id} was not found.");

    private static async Task<byte[]> ReadBodyAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new BadHttpRequestException("Content-Type must be application/json.", StatusCodes.Status415UnsupportedMediaType);
        return await RequestBody.ReadAsync(http, ct);
    }

    private static T Deserialize<T>(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json.Options) ?? throw new JsonException("the body is empty or null");
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "body";
            // Unknown members are refused on purpose: status, approvers and amounts are derived, never accepted.
            var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "is not a field of this request (status, approvers and amounts are set by the service)"
                : ex.Message;
            throw ValidationFailedException.Single(field, message);
        }
    }
}
