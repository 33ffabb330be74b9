using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;
using AiGovernance.Data.Approvals;
using AiGovernance.Data.Directory;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Pages.Admin;

/// <summary>
/// Cost centres and their owners. A cost centre without an owner blocks every submission whose policy has a
/// <c>cost_centre_owner</c> step (422 <c>cost_centre_has_no_owner</c>), so those come first, each with the suggested
/// owners and their reasons; an admin makes one the owner through the same use case as
/// <c>PUT /api/cost-centres/{code}/owner</c>.
/// </summary>
public sealed class CostCentresModel(TenantDb db, TimeProvider clock) : WorkspacePage
{
    public IReadOnlyList<CostCentreRecord> CostCentres { get; private set; } = [];
    public IReadOnlyList<(CostCentreRecord CostCentre, SuggestionAnswer Answer)> WithoutOwner { get; private set; } = [];
    public IReadOnlyList<UserRecord> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        RequireRole(Roles.Admin);
        await using var scope = await db.BeginAsync(Me, ct);
        CostCentres = await CostCentreOwners.ListAsync(scope, ct);
        Users = await MasterData.GetUsersAsync(scope, null, ct);
        // One history query per cost centre without an owner: there are few, and each needs its own counts.
        var unowned = new List<(CostCentreRecord, SuggestionAnswer)>();
        foreach (var cc in CostCentres.Where(c => c.OwnerId is null))
            unowned.Add((cc, await SuggestApprovers.ForCostCentreOwnerAsync(scope, cc.Code, SuggestApprovers.DefaultWindowDays, clock, ct)));
        WithoutOwner = unowned;
    }

    public async Task<IActionResult> OnPostSetOwnerAsync(string? code, string? ownerId, int? suggestionRank, CancellationToken ct)
    {
        var me = RequireRole(Roles.Admin);
        await using var scope = await db.BeginAsync(me, ct);
        var (_, after, suggestion) = await CostCentreOwners.SetOwnerAsync(scope, me.UserId, code ?? "", ownerId, suggestionRank, clock, ct);
        await scope.CommitAsync(ct);
        Flash(suggestion is null
            ? $"{after.OwnerId} now owns cost centre {after.Code}."
            : $"{after.OwnerId} now owns cost centre {after.Code} (suggestion {suggestion.StatedRank}; the reasons are in the decision log).");
        return BackToPage();
    }

    public string NameOf(string? userId) => userId is null ? "—" : Users.FirstOrDefault(u => u.Id == userId)?.Name is { } n ? $"{n} ({userId})" : userId;
}
