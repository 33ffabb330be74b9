using AiGovernance.Api.Features.Exceptions;
using AiGovernance.Api.Web;
using AiGovernance.Core.Exceptions;
using AiGovernance.Data.Exceptions;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Pages.Exceptions;

/// <summary>
/// One inbox of everything that needs a person, grouped by type and ranked by triage score (each part
/// explained). Groups whose every item scores low may be dismissed in one go, with one reason.
/// </summary>
public sealed class IndexModel(Infrastructure.TenantDb db, TimeProvider clock) : WorkspacePage
{
    /// <summary>Below this score an item counts as low-risk: a group of only such items may be dismissed in bulk.</summary>
    public const double LowRisk = 0.15;

    public sealed record Group(string Type, string Label, IReadOnlyList<ExceptionRecord> Items)
    {
        public double Top => Items.Max(i => i.Triage.Score);
        public bool LowRiskOnly => Items.All(i => i.Triage.Score < LowRisk);
    }

    [BindProperty(SupportsGet = true)] public string? Queue { get; set; }
    [BindProperty(SupportsGet = true)] public string Status { get; set; } = "open";

    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        RequireRole(ExceptionsApi.Triagers);
        if (Queue is not null && !ExceptionTypes.Queues.All.Contains(Queue)) Queue = null;
        if (Status is not ("open" or "resolved" or "dismissed")) Status = "open";
        await using var scope = await db.BeginAsync(Me, ct);
        var items = await ExceptionStore.ListAsync(scope, new ExceptionFilter(Status, Queue, Limit: 500), clock.GetUtcNow(), ct);
        Total = items.Count;
        Groups = items.GroupBy(i => i.Type)
            .Select(g => new Group(g.Key, ExceptionTypes.All.TryGetValue(g.Key, out var d) ? d.Label : g.Key, g.ToList()))
            .OrderByDescending(g => g.Top).ToList();
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) => DecideAsync([id], ExceptionAction.Assign, null, "Assigned to you.", ct);

    public Task<IActionResult> OnPostResolveAsync(Guid id, string? reason, CancellationToken ct) =>
        DecideAsync([id], ExceptionAction.Resolve, reason, "Resolved.", ct);

    public Task<IActionResult> OnPostDismissAsync(Guid id, string? reason, CancellationToken ct) =>
        DecideAsync([id], ExceptionAction.Dismiss, reason, "Dismissed.", ct);

    /// <summary>Dismisses a whole low-risk group with one reason; refused if any item in it is not low-risk any more.</summary>
    public async Task<IActionResult> OnPostDismissGroupAsync(string type, string? reason, CancellationToken ct)
    {
        RequireRole(ExceptionsApi.Triagers);
        IReadOnlyList<ExceptionRecord> items;
        await using (var scope = await db.BeginAsync(Me, ct))
            items = await ExceptionStore.ListAsync(scope, new ExceptionFilter("open", Queue, type, Limit: 500), clock.GetUtcNow(), ct);
        if (items.Count == 0 || items.Any(i => i.Triage.Score >= LowRisk))
        {
            TempData[FlashErrorKey] = $"Only a group whose every item scores below {LowRisk:0.00} can be dismissed at once; open the items instead.";
            return BackToPage();
        }
        return await DecideAsync(items.Select(i => i.Id).ToList(), ExceptionAction.Dismiss, reason, $"Dismissed {items.Count} low-risk exceptions.", ct);
    }

    private async Task<IActionResult> DecideAsync(IReadOnlyList<Guid> ids, ExceptionAction action, string? reason, string done, CancellationToken ct)
    {
        RequireRole(ExceptionsApi.Triagers);
        Me.RequirePerson();
        // One transaction: a bulk dismissal either happens for the whole group or not at all.
        await using var scope = await db.BeginAsync(Me, ct);
        foreach (var id in ids)
            await DecideOnException.ExecuteAsync(scope, Me.UserId, id, action, null, reason, clock, ct);
        await scope.CommitAsync(ct);
        Flash(done);
        return BackToPage();
    }
}
