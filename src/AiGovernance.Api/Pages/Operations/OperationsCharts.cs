using AiGovernance.Core.Reporting;
using AiGovernance.Data.Reporting;

namespace AiGovernance.Api.Pages.Operations;

/// <summary>The dashboard's charts, each a server-rendered SVG whose title, desc and aria-label carry every value.</summary>
public static class OperationsCharts
{
    public static string QueueAging(QueueAging q) => SvgBarChart.Render("Pending steps by time waiting",
        [("under 4 h", q.Under4Hours), ("4 h to 24 h", q.From4To24Hours), ("1 to 3 days", q.From1To3Days), ("over 3 days", q.Over3Days)], "0",
        description: $"{q.Total} steps are waiting for a decision; the longer bars to the bottom are the ones to chase.");

    public static string CycleTimes(IReadOnlyList<CycleTime> times, string dimension, string title) => SvgBarChart.Render(title,
        times.Where(t => t.Dimension == dimension).Select(t => ($"{t.Value} ({t.Count})", t.MedianHours)).ToList(), "0.# h",
        description: "Median hours from submission to the final human decision; the number of requisitions is in brackets.");

    public static string Acceptance(RecommendationOutcomes outcomes) => SvgBarChart.Render("AI recommendations accepted, by kind",
        outcomes.ByKind.Where(k => k.Decided > 0).Select(k => ($"{k.Kind} ({k.Decided})", k.AcceptanceShare ?? 0)).ToList(), "0%", max: 1,
        description: "Share accepted as is or edited, of those a person decided; decided count in brackets.");

    public static string ReviewerAgreement(IReadOnlyList<ReviewerAgreement> reviewers) => SvgBarChart.Render("Reviewer agreement with the AI",
        reviewers.Select(r => ($"{r.UserId} ({r.Decided})", r.Share)).ToList(), "0%", max: 1,
        description: "Per person, the share of AI recommendations they accepted; close to 100 % over many decisions may mean the AI is not being questioned.");

    public static string FastApprovals(IReadOnlyList<FastApprovals> approvers, int seconds) => SvgBarChart.Render($"Approvals within {seconds} s",
        approvers.Select(a => ($"{a.UserId} (of {a.Approvals})", (double)a.Fast)).ToList(), "0",
        description: $"Approvals given less than {seconds} seconds after the step became active or after the same person's previous decision.");

    public static string DriftPsi(IEnumerable<AiGovernance.Worker.Drift.DriftReport> reports, double threshold) => SvgBarChart.Render("Drift (PSI) by model and measure",
        reports.SelectMany(r => new[] { r.Score }.Concat(r.Features).Where(m => m.Psi is not null).Select(m => ($"{r.Kind} {m.Name}", m.Psi!.Value))).ToList(),
        "0.###", max: Math.Max(threshold * 2, 0.01),
        description: $"Population Stability Index of the last days' live values against training; the alert threshold is {threshold}.");
}
