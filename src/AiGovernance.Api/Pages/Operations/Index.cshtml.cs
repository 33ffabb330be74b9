using System.Globalization;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Infrastructure.Metrics;
using AiGovernance.Api.Web;
using AiGovernance.Core;
using AiGovernance.Data.Reporting;
using AiGovernance.Worker.Drift;
using AiGovernance.Worker.Models;
using AiGovernance.Worker.Retraining;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AiGovernance.Api.Pages.Operations;

/// <summary>
/// Operational intelligence for one tenant: queue aging, cycle times, exceptions, SLA breaches, automation
/// (touchless, overrides, automation-bias signals), delivery and scoring health, and model drift. The same
/// figures as the business gauges of /metrics (<see cref="OperationsFigures"/>), for a chosen range.
/// </summary>
public sealed class IndexModel(TenantDb db, DriftMonitor drift, IOptions<OperationsOptions> operations, IOptions<RetrainingOptions> retraining,
    TimeProvider clock) : WorkspacePage
{
    public static readonly string[] PageRoles = [Roles.ProcurementOps, Roles.Compliance, Roles.DataScientist, Roles.Admin];
    public static readonly IReadOnlyDictionary<string, string> Ranges = new Dictionary<string, string>
    {
        ["7"] = "Last 7 days", ["30"] = "Last 30 days", ["90"] = "Last 90 days", ["custom"] = "Custom",
    };
    private const int MaxCustomDays = 366;

    [BindProperty(SupportsGet = true)] public string Range { get; set; } = "30";
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public OperationsFigures Figures { get; private set; } = null!;
    public IReadOnlyList<DriftReport> Drift { get; private set; } = [];
    public double DriftThreshold => retraining.Value.DriftAlertPsi;
    public int FastSeconds => operations.Value.FastApprovalSeconds;
    public string RangeText { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = RequireRole(PageRoles);
        var now = clock.GetUtcNow();
        var range = ResolveRange(now);
        RangeText = $"{range.From.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} to {range.To.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
        await using var scope = await db.BeginAsync(me, ct);
        Figures = await OperationsFigures.ReadAsync(scope, range, now, new FastApprovalRule(FastSeconds), ct);
        var reports = new List<DriftReport>();
        foreach (var kind in RequestPromotion.Kinds) reports.Add(await drift.MeasureAsync(scope, kind, ct));
        Drift = reports;
    }

    /// <summary>A preset counts back from now; a custom range runs from the start of From to the end of To (UTC days).</summary>
    private ReportRange ResolveRange(DateTimeOffset now)
    {
        if (Range != "custom")
        {
            var days = int.TryParse(Range, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && Ranges.ContainsKey(Range) ? d : 30;
            Range = days.ToString(CultureInfo.InvariantCulture);
            return ReportRange.LastDays(now, days);
        }
        if (From is not { } from || To is not { } to) throw ValidationFailedException.Single("from", "a custom range needs both from and to dates");
        if (to < from) throw ValidationFailedException.Single("to", "must not be before from");
        if (to.DayNumber - from.DayNumber >= MaxCustomDays) throw ValidationFailedException.Single("to", $"a range covers at most {MaxCustomDays} days");
        return new ReportRange(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    public static string Percent(double? share) => share is { } s ? s.ToString("0.#%", CultureInfo.InvariantCulture) : "–";

    public static string Hours(double? hours) => hours switch
    {
        null => "–",
        < 1 => $"{hours.Value * 60:0} min",
        < 48 => $"{hours.Value:0.#} h",
        _ => $"{hours.Value / 24:0.#} d",
    };

    public static string Duration(double? seconds) => seconds is { } s ? Hours(s / 3600) : "none pending";
}
