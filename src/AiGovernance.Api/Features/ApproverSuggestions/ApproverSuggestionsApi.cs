using System.Globalization;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Data.Approvals;
using AiGovernance.Data.Directory;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Features.ApproverSuggestions;

/// <summary>
/// Approver suggestions where the policy leaves a choice of person, ranked from decision history with their reasons,
/// and setting a cost centre's owner (the action that applies an owner suggestion). Suggestions never act by themselves.
/// </summary>
/// <remarks>
/// Reading suggestions shows colleagues' decision records (how many, how fast, how often escalated), so it is limited to
/// the people who act on them: admins (who set owners and cover for absent colleagues) and procurement operations (the
/// escalation target, who chase stuck steps and ask someone to decide). Setting an owner changes routing: admins only.
/// </remarks>
public static class ApproverSuggestionsApi
{
    public static readonly string[] Readers = [Roles.Admin, Roles.ProcurementOps];

    public static RouteGroupBuilder MapApproverSuggestionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/approver-suggestions", Suggest).WithTags("Approver suggestions").WithName("SuggestApprovers")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        api.MapGet("/cost-centres", ListCostCentres).WithTags("Approver suggestions").WithName("ListCostCentres");
        api.MapPut("/cost-centres/{code}/owner", SetOwner).WithTags("Approver suggestions").WithName("SetCostCentreOwner")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return api;
    }

    public static async Task<Ok<SuggestionAnswer>> Suggest(HttpContext http, TenantDb db, TimeProvider clock,
        [FromQuery(Name = "for")] string? purpose, [FromQuery(Name = "cost_centre")] string? costCentre, string? user, string? category,
        string? requisition, string? from, string? until, string? days, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        var errors = new FieldErrors();
        var window = ParseDays(days, errors);
        Guid requisitionId = default;
        switch (purpose)
        {
            case null or "":
                errors.Add("for", "is required: cost_centre_owner, delegate or step");
                break;
            case "cost_centre_owner":
                if (string.IsNullOrWhiteSpace(costCentre)) errors.Add("cost_centre", "is required for a cost-centre owner");
                break;
            case "delegate":
                if (string.IsNullOrWhiteSpace(user)) errors.Add("user", "is required: the person who is away");
                break;
            case "step":
                if (string.IsNullOrWhiteSpace(requisition)) errors.Add("requisition", "is required: the id of a pending requisition");
                else if (!Guid.TryParse(requisition, out requisitionId)) errors.Add("requisition", $"'{requisition}' is not a requisition id");
                break;
            default:
                errors.Add("for", $"'{purpose}' is not one of cost_centre_owner, delegate, step");
                break;
        }
        var start = ParseTime("from", from, errors);
        var end = ParseTime("until", until, errors);
        errors.ThrowIfAny();

        await using var scope = await db.BeginAsync(caller, ct);
        var answer = purpose switch
        {
            "cost_centre_owner" => await SuggestApprovers.ForCostCentreOwnerAsync(scope, costCentre!.Trim(), window, clock, ct),
            "delegate" => await SuggestApprovers.ForDelegateAsync(scope, user!.Trim(), Blank(costCentre), Blank(category), start, end, window, clock, ct),
            _ => await SuggestApprovers.ForStepAsync(scope, requisitionId, window, clock, ct),
        };
        return TypedResults.Ok(answer);
    }

    public static async Task<Ok<IReadOnlyList<CostCentreRecord>>> ListCostCentres(HttpContext http, TenantDb db, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Readers);
        await using var scope = await db.BeginAsync(caller, ct);
        return TypedResults.Ok(await CostCentreOwners.ListAsync(scope, ct));
    }

    /// <param name="SuggestionRank">The rank of the suggestion the admin followed, if any; the log records it with the reasons.</param>
    public sealed record SetOwnerRequest(string? OwnerId, int? SuggestionRank);

    public sealed record OwnerChanged(string Code, string? PreviousOwnerId, string OwnerId, AppliedSuggestion? Suggestion);

    public static async Task<Ok<OwnerChanged>> SetOwner(string code, SetOwnerRequest request, HttpContext http, TenantDb db, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Roles.Admin);
        caller.RequirePerson();
        await using var scope = await db.BeginAsync(caller, ct);
        var (before, after, suggestion) = await CostCentreOwners.SetOwnerAsync(scope, caller.UserId, code, request.OwnerId?.Trim(), request.SuggestionRank, clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(new OwnerChanged(after.Code, before.OwnerId, after.OwnerId!, suggestion));
    }

    private static int ParseDays(string? days, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(days)) return SuggestApprovers.DefaultWindowDays;
        if (int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= SuggestApprovers.MaxWindowDays) return n;
        errors.Add("days", $"must be a whole number of days from 1 to {SuggestApprovers.MaxWindowDays}");
        return 0;
    }

    private static DateTimeOffset? ParseTime(string field, string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)) return t;
        errors.Add(field, $"'{value}' is not a date and time (ISO 8601, e.g. 2026-05-01T09:00Z)");
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
