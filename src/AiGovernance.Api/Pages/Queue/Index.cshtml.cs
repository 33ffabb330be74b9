using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;
using AiGovernance.Core.Approvals;
using AiGovernance.Data.Approvals;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Reviewing;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Pages.Queue;

/// <summary>The person's pending approvals, each with its risk flags and a one-line AI summary beside it.</summary>
public sealed class IndexModel(TenantDb db, PolicyCache policies, TimeProvider clock) : WorkspacePage
{
    public const int Limit = 300;

    public sealed record Row(QueueEntry Entry, RiskSignals Signals, TimeSpan? TimeLeft);

    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "due";
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string Show { get; set; } = "all";
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public int Total { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public static readonly IReadOnlyDictionary<string, string> Sorts = new Dictionary<string, string>
    {
        ["due"] = "Time left to SLA", ["amount"] = "Amount (largest first)", ["age"] = "Oldest first", ["risk"] = "Most flags first",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        await using var scope = await db.BeginAsync(Me, ct);
        var entries = await ApprovalQueue.ForAsync(scope, Me.AsActor(), Now, Limit, ct);
        var signals = await RiskSignals.ForAsync(scope, entries.Select(e => e.Requisition.Id).ToList(), ct);
        var all = entries.Select(e => new Row(e, signals[e.Requisition.Id], e.Step.DueAt - Now)).ToList();
        Total = all.Count;
        Categories = all.Select(r => r.Entry.Requisition.Category).Distinct().Order().ToList();
        Rows = Order(all.Where(Matches)).ToList();
    }

    /// <summary>Approves the selected requisitions that carry no flag; each in its own transaction, so one refusal stops none of the others.</summary>
    public async Task<IActionResult> OnPostBulkApproveAsync(Guid[] ids, CancellationToken ct)
    {
        Me.RequirePerson();
        if (ids.Length == 0)
        {
            TempData[FlashErrorKey] = "Select at least one requisition without flags to approve.";
            return BackToPage();
        }
        var approved = new List<string>();
        var skipped = new List<string>();
        foreach (var id in ids.Distinct().Take(Limit))
        {
            await using var scope = await db.BeginAsync(Me, ct);
            var signals = await RiskSignals.ForAsync(scope, [id], ct);
            if (!signals.TryGetValue(id, out var s) || s.HasFlags)
            {
                skipped.Add(id.ToString()[..8] + " (flagged: open it to decide)");
                continue;
            }
            try
            {
                var (stored, _) = await DecideOnRequisition.ExecuteAsync(scope, Me.AsActor(), id, DecisionKind.Approve, null, "Bulk approval from the queue (no flags).",
                    policies, clock, ct);
                await scope.CommitAsync(ct);
                approved.Add(stored.Requisition.Number);
            }
            catch (Exception ex) when (WorkspaceProblem.From(ex) is { } problem)
            {
                skipped.Add($"{id.ToString()[..8]} ({problem.Message})");
            }
        }
        if (approved.Count > 0) Flash($"Approved {approved.Count}: {string.Join(", ", approved)}.");
        if (skipped.Count > 0) TempData[FlashErrorKey] = $"Not approved: {string.Join("; ", skipped)}";
        return BackToPage();
    }

    private bool Matches(Row r)
    {
        var req = r.Entry.Requisition;
        if (!string.IsNullOrEmpty(Category) && req.Category != Category) return false;
        if (Show == "flagged" && !r.Signals.HasFlags) return false;
        if (Show == "clear" && r.Signals.HasFlags) return false;
        if (string.IsNullOrWhiteSpace(Q)) return true;
        var q = Q.Trim();
        return new[] { req.Number, req.RequesterId, req.SupplierId, r.Signals.SupplierName, req.Category, req.CostCentre }
            .Any(f => f.Contains(q, StringComparison.OrdinalIgnoreCase));
    }

    private IEnumerable<Row> Order(IEnumerable<Row> rows) => Sort switch
    {
        "amount" => rows.OrderByDescending(r => r.Entry.Requisition.AmountInBase),
        "age" => rows.OrderBy(r => r.Entry.Stored.CreatedAt),
        "risk" => rows.OrderByDescending(r => FlagCount(r.Signals)).ThenBy(r => r.TimeLeft ?? TimeSpan.MaxValue),
        _ => rows.OrderBy(r => r.TimeLeft ?? TimeSpan.MaxValue),
    };

    public static int FlagCount(RiskSignals s) =>
        (s.DuplicateFlagged ? 1 : 0) + (s.PriceVarianceFlagged ? 1 : 0) + (s.SplitPurchaseFlagged ? 1 : 0) + s.CrossCheckFailures + (s.SupplierNeedsAttention ? 1 : 0);

    /// <summary>"3 h 20 min left", "overdue by 2 d": how a reviewer reads an SLA.</summary>
    public static string Describe(TimeSpan? left)
    {
        if (left is not { } t) return "no SLA";
        var a = t.Duration();
        var text = a.TotalDays >= 1 ? $"{(int)a.TotalDays} d {a.Hours} h" : a.TotalHours >= 1 ? $"{(int)a.TotalHours} h {a.Minutes} min" : $"{Math.Max(1, a.Minutes)} min";
        return t < TimeSpan.Zero ? $"overdue by {text}" : $"{text} left";
    }
}
