using System.Text.Json;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Requisitions;
using AiGovernance.Worker.Detection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Models;

/// <summary>
/// The detection models as this tenant sees them (version, loaded, switched on or off) and their kill
/// switches; plus the detection results of a requisition.
/// </summary>
public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/models").WithTags("Models");
        g.MapGet("/", List).WithName("ListModels");
        g.MapPut("/{kind}/switch", SetSwitch).WithName("SetModelSwitch").ProducesValidationProblem().ProducesProblem(403);
        api.MapGet("/requisitions/{id:guid}/detections", Detections).WithTags("Requisitions").WithName("GetRequisitionDetections").ProducesProblem(404);
        return g;
    }

    public sealed record SwitchRequest(bool? Enabled, string? Reason);

    public sealed record DetectionView(string Detector, string ModelVersion, double? Score, bool Flagged, JsonElement Details, string InputHash,
        DateTimeOffset ScoredAt);

    public static async Task<Ok<IReadOnlyList<ModelView>>> List(HttpContext http, TenantDb db, DetectionModels models, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin, Roles.DataScientist, Roles.Compliance, Roles.ProcurementOps, Roles.Reviewer);
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await ModelStates.ModelsAsync(scope, models, ct));
    }

    public static async Task<Ok<ModelSwitch>> SetSwitch(string kind, SwitchRequest request, HttpContext http, TenantDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin);
        await using var scope = await db.BeginAsync(caller, ct);
        var result = await ChangeKillSwitch.ExecuteAsync(scope, kind, [.. DetectorKinds.All], "kind", request.Enabled, request.Reason, caller.UserId, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<IReadOnlyList<DetectionView>>, ProblemHttpResult>> Detections(Guid id, HttpContext http, TenantDb db,
        CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        await using var scope = await db.BeginAsync(caller, ct);
        if (await RequisitionStore.GetAsync(scope, id, ct) is null)
            return TypedResults.Problem(Requisitions.RequisitionsApi.NotFoundProblem(id));
        var results = await DetectionResults.ListAsync(scope, id, ct);
        return TypedResults.Ok<IReadOnlyList<DetectionView>>(results.Select(r => new DetectionView(r.Detector, r.ModelVersion, r.Score, r.Flagged,
            JsonDocument.Parse(r.DetailsJson).RootElement.Clone(), r.InputHash, r.ScoredAt)).ToList());
    }
}
