using System.Globalization;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;
using AiGovernance.Core;
using AiGovernance.Core.Delegations;
using AiGovernance.Data.Approvals;
using AiGovernance.Data.Delegations;
using AiGovernance.Data.Directory;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Pages.Admin;

/// <summary>
/// Delegations of the tenant that are in force or still to come; create cover for someone and revoke it, through
/// the same use cases as <c>POST /api/delegations</c> and <c>DELETE /api/delegations/{id}</c>.
/// </summary>
public sealed class DelegationsModel(TenantDb db, TimeProvider clock) : WorkspacePage
{
    /// <summary>What a datetime-local field sends; the page works in UTC and says so beside each field.</summary>
    public const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    public IReadOnlyList<Delegation> Delegations { get; private set; } = [];
    public IReadOnlyList<UserRecord> Users { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    /// <summary>The absent person suggestions were asked for (<c>?absent=</c>), and the answer.</summary>
    public string? Absent { get; private set; }
    public SuggestionAnswer? Suggested { get; private set; }

    /// <summary>What the form starts with when a suggestion was chosen (<c>?absent=&amp;delegate=&amp;rank=</c>).</summary>
    public string? PrefillDelegate { get; private set; }
    public int? PrefillRank { get; private set; }

    public async Task OnGetAsync(string? absent, string? @delegate, int? rank, CancellationToken ct)
    {
        RequireRole(Roles.Admin);
        Now = clock.GetUtcNow();
        await using var scope = await db.BeginAsync(Me, ct);
        Delegations = [.. (await DelegationStore.ListOpenAsync(scope, ct)).Where(d => d.ValidTo > Now)];
        Users = await MasterData.GetUsersAsync(scope, null, ct);
        if (string.IsNullOrWhiteSpace(absent)) return;
        Absent = absent.Trim();
        Suggested = await SuggestApprovers.ForDelegateAsync(scope, Absent, null, null, Now, Now.AddDays(7), SuggestApprovers.DefaultWindowDays, clock, ct);
        PrefillDelegate = string.IsNullOrWhiteSpace(@delegate) ? null : @delegate.Trim();
        PrefillRank = PrefillDelegate is null ? null : rank;
    }

    public async Task<IActionResult> OnPostCreateAsync(string? delegatorId, string? delegateId, string? validFrom, string? validTo, string? reason,
        int? suggestionRank, CancellationToken ct)
    {
        var me = RequireRole(Roles.Admin);
        var request = new DelegationRequest(delegatorId, delegateId, ParseUtc("valid_from", validFrom), ParseUtc("valid_to", validTo),
            string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), suggestionRank);
        await using var scope = await db.BeginAsync(me, ct);
        var created = await ManageDelegations.CreateAsync(scope, me.AsActor(), request, clock, ct);
        await scope.CommitAsync(ct);
        Flash($"{created.DelegateId} now approves for {created.DelegatorId} from {Show(created.ValidFrom)} until {Show(created.ValidTo)}"
            + (suggestionRank is { } r ? $" (suggested delegate {r}; the reasons are in the decision log)." : "."));
        // Back to the plain page: the suggestion that prefilled the form has been used.
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var me = RequireRole(Roles.Admin);
        await using var scope = await db.BeginAsync(me, ct);
        var revoked = await ManageDelegations.RevokeAsync(scope, me.AsActor(), id, clock, ct);
        await scope.CommitAsync(ct);
        Flash($"Revoked: {revoked.DelegateId} no longer approves for {revoked.DelegatorId}.");
        return BackToPage();
    }

    public static string Show(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Empty is "not given" (the use case decides whether that is allowed); anything unreadable is a field error.</summary>
    private static DateTimeOffset? ParseUtc(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return DateTime.TryParseExact(value.Trim(), [LocalFormat, LocalFormat + ":ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc))
            : throw ValidationFailedException.Single(field, $"'{value}' is not a date and time (expected like 2026-05-01T09:00, UTC)");
    }
}
