using System.Globalization;
using AiGovernance.Api.Features.DecisionLog;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;
using AiGovernance.Data;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Pages.DecisionLog;

/// <summary>
/// The tenant's decision log for compliance: filtered with the API's filters, newest first in pages keyed on the
/// sequence number, the hash chain verified on request, and the filtered log exported as CSV or JSON lines.
/// </summary>
public sealed class IndexModel(TenantDb db) : WorkspacePage
{
    public const int PageSize = 50;
    private const string VerificationKey = "chain-verification";

    [BindProperty(SupportsGet = true)] public string? Requisition { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "model_version")] public string? ModelVersion { get; set; }
    [BindProperty(SupportsGet = true, Name = "prompt_version")] public string? PromptVersion { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<DecisionLogEntry> Entries { get; private set; } = [];
    public long? OlderThan { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public ChainVerification? Verification { get; private set; }
    public static IReadOnlyList<string> Kinds { get; } = typeof(DecisionLogKinds).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        RequireRole(WorkspaceNav.DecisionLog.Roles);
        if (TempData[VerificationKey] is string v) Verification = Json.Deserialize<ChainVerification>(v);
        await using var scope = await db.BeginAsync(Me, ct);
        if (await FilterAsync(scope, ct) is not { } filter) return;
        var page = new List<DecisionLogEntry>();
        await foreach (var e in DecisionLogReader.ReadAsync(scope, filter with { BeforeSeq = Before, NewestFirst = true, Limit = PageSize + 1 }, ct))
            page.Add(e);
        // One more than a page tells whether older entries exist without counting the whole log.
        if (page.Count > PageSize) OlderThan = page[PageSize - 1].Seq;
        Entries = page.Take(PageSize).ToList();
    }

    /// <summary>Recomputes the tenant's whole chain; the result is shown once, after the redirect.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        RequireRole(WorkspaceNav.DecisionLog.Roles);
        await using var scope = await db.BeginAsync(Me, ct);
        TempData[VerificationKey] = Json.Serialize(await DecisionLogVerifier.VerifyAsync(scope, ct: ct));
        return BackToPage("chain");
    }

    /// <summary>The filtered log (all pages) as the API and <c>aigov audit export</c> write it.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        RequireRole(DecisionLogApi.Exporters);
        var fmt = DecisionLogExport.ParseFormat(format);
        await using var scope = await db.BeginAsync(Me, ct);
        if (await FilterAsync(scope, ct) is not { } filter)
            throw AiGovernance.Core.ValidationFailedException.Single("filter", string.Join("; ", Problems));
        await DecisionLogApi.StreamExportAsync(Response, scope, filter, fmt, ct);
        return new EmptyResult();
    }

    /// <summary>The API's filter from the form; null (with <see cref="Problems"/>) when a date cannot be read.</summary>
    private async Task<DecisionLogFilter?> FilterAsync(TenantScope scope, CancellationToken ct)
    {
        var problems = new List<string>();
        var from = ParseTime(From, "From", problems);
        var to = ParseTime(To, "To", problems);
        if (from is { } f && to is { } t && t <= f) problems.Add("To must be after From.");
        Problems = problems;
        if (problems.Count > 0) return null;
        var filter = new DecisionLogFilter(null, Blank(Actor), Blank(Kind), from, to, ModelVersion: Blank(ModelVersion), PromptVersion: Blank(PromptVersion));
        return await DecisionLogReader.ForRequisitionAsync(scope, filter, Requisition, ct);
    }

    /// <summary>The form's datetime-local value (or a date, or ISO 8601 with an offset), read as UTC when it has no offset.</summary>
    private static DateTimeOffset? ParseTime(string? text, string label, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            return t;
        problems.Add($"{label} '{text}' is not a date and time (use 2026-05-31T14:00, read as UTC).");
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The current filters as query values, for the paging and export links.</summary>
    public Dictionary<string, string> Query(long? before = null, string? format = null)
    {
        var q = new Dictionary<string, string>();
        void Add(string k, string? v) { if (!string.IsNullOrWhiteSpace(v)) q[k] = v.Trim(); }
        Add("requisition", Requisition);
        Add("actor", Actor);
        Add("kind", Kind);
        Add("model_version", ModelVersion);
        Add("prompt_version", PromptVersion);
        Add("from", From);
        Add("to", To);
        Add("before", before?.ToString(CultureInfo.InvariantCulture));
        Add("format", format);
        return q;
    }

    public static string When(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
