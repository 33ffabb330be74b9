using System.Diagnostics.Metrics;

namespace AiGovernance.Api.Infrastructure.Metrics;

/// <summary>
/// The business and worker gauges, observed from the collector's last snapshot. Instruments are process-wide in
/// .NET (every meter listener sees every meter of a name), so the meter and the snapshot it reads are too: one
/// host per process in a deployment; test hosts in one process share one database anyway.
/// </summary>
public static class GovernanceGauges
{
    public const string MeterName = "AiGovernance";
    private static readonly Meter Meter = new(MeterName);
    private static volatile MetricsSnapshot? current;

    public static MetricsSnapshot? Current => current;

    public static void Publish(MetricsSnapshot snapshot) => current = snapshot;

    static GovernanceGauges()
    {
        Gauge("aigov.queue.pending_steps", "Pending approval steps by age since the step became active.", t =>
        {
            var q = t.Figures.QueueAging;
            return [M(q.Under4Hours, t, ("age", "lt_4h")), M(q.From4To24Hours, t, ("age", "4h_24h")), M(q.From1To3Days, t, ("age", "1d_3d")), M(q.Over3Days, t, ("age", "gt_3d"))];
        });
        Gauge("aigov.cycle_time.p50_hours", "Median hours from submission to final human decision.",
            t => t.Figures.CycleTimes.Select(c => M(c.MedianHours, t, ("dimension", c.Dimension), ("group", c.Value))));
        Gauge("aigov.cycle_time.p90_hours", "90th percentile hours from submission to final human decision.",
            t => t.Figures.CycleTimes.Select(c => M(c.P90Hours, t, ("dimension", c.Dimension), ("group", c.Value))));
        Gauge("aigov.requisitions.submitted", "Requisitions submitted in the window.", t => [M(t.Figures.Exceptions.Submitted, t)]);
        Gauge("aigov.requisitions.exception_ratio", "Share of submitted requisitions with any flag, hold or AI recommendation.",
            t => Share(t.Figures.Exceptions.Share, t));
        Gauge("aigov.sla.breaches", "SLA breaches in the window: escalated, or breached without an escalation target.",
            t => [M(t.Figures.SlaBreaches.Escalations, t, ("kind", "escalation")), M(t.Figures.SlaBreaches.BreachesWithoutTarget, t, ("kind", "breached"))]);
        Gauge("aigov.requisitions.touchless_ratio", "Auto-approved share of decided requisitions.", t => Share(t.Figures.Decisions.TouchlessShare, t));
        Gauge("aigov.recommendations.override_ratio", "Share of decided AI recommendations a person rejected.",
            t => Share(t.Figures.Recommendations.OverrideShare, t));
        Gauge("aigov.recommendations.acceptance_ratio", "Accepted (as is or edited) share of decided recommendations, by kind.",
            t => t.Figures.Recommendations.ByKind.Where(k => k.AcceptanceShare is not null).Select(k => M(k.AcceptanceShare!.Value, t, ("kind", k.Kind))));
        Gauge("aigov.reviewer.ai_agreement_ratio", "Per deciding person: share of recommendations they accepted (automation-bias signal near 1).",
            t => t.Figures.Reviewers.Select(r => M(r.Share, t, ("user", r.UserId))));
        Gauge("aigov.approvals.fast", "Per approver: approvals within the fast-approval seconds of step activation or their previous decision.",
            t => t.Figures.FastApprovals.Select(f => M(f.Fast, t, ("user", f.UserId))));
        Gauge("aigov.outbox.messages", "Outbox messages now: pending, retrying (pending after a failure), dead-lettered.", t =>
        [
            M(t.Figures.Outbox.Pending, t, ("state", "pending")), M(t.Figures.Outbox.Retrying, t, ("state", "retrying")),
            M(t.Figures.Outbox.DeadLettered, t, ("state", "dead")),
        ]);
        Gauge("aigov.outbox.oldest_pending_seconds", "Age of the oldest pending outbox message.",
            t => t.Figures.Outbox.OldestPendingSeconds is { } s ? [M(s, t)] : []);
        Gauge("aigov.outbox.delivery_failures", "Outbox messages created in the window whose delivery failed at least once.",
            t => [M(t.Figures.Outbox.DeliveryFailuresInRange, t)]);
        Gauge("aigov.scoring.latency_p95_ms", "95th percentile detector scoring time per requisition in the window.",
            t => t.Figures.Scoring.P95Ms is { } p ? [M(p, t)] : []);
        Gauge("aigov.model.drift_psi", "Population Stability Index of live values against the active model's training data.",
            t => t.Drift.SelectMany(d => new[] { d.Score }.Concat(d.Features).Where(m => m.Psi is not null)
                .Select(m => M(m.Psi!.Value, t, ("kind", d.Kind), ("measure", m.Name), ("version", d.ModelVersion ?? "none")))));
        Gauge("aigov.model.drift_alert", "1 when any drift measure of the kind reaches Governance:Retraining:DriftAlertPsi with enough live data.",
            t => t.Drift.Select(d => M(d.Alert ? 1 : 0, t, ("kind", d.Kind))));

        Meter.CreateObservableGauge("aigov.worker.jobs_due", () => current?.Jobs.Select(j => new Measurement<double>(j.Due, new KeyValuePair<string, object?>("kind", j.Kind))) ?? [],
            description: "Jobs due now, by kind (across tenants).");
        Meter.CreateObservableGauge("aigov.worker.oldest_due_job_seconds",
            () => current?.Jobs.Select(j => new Measurement<double>(j.OldestDueSeconds, new KeyValuePair<string, object?>("kind", j.Kind))) ?? [],
            description: "How long the oldest due job of each kind has waited.");
        Meter.CreateObservableGauge("aigov.worker.last_successful_pass_timestamp",
            () => current?.LastWorkerPass is { } at ? [new Measurement<double>(at.ToUnixTimeMilliseconds() / 1000.0)] : Array.Empty<Measurement<double>>(),
            description: "Unix time of the worker loop's last pass without an error (absent while the loop is off or has not run).");
        Meter.CreateObservableGauge("aigov.metrics.refreshed_timestamp",
            () => current is { } s ? [new Measurement<double>(s.RefreshedAt.ToUnixTimeMilliseconds() / 1000.0)] : Array.Empty<Measurement<double>>(),
            description: "Unix time of the collector's last refresh of these gauges.");
    }

    private static void Gauge(string name, string description, Func<TenantMetrics, IEnumerable<Measurement<double>>> read) =>
        Meter.CreateObservableGauge(name, () => current?.Tenants.SelectMany(read) ?? [], description: description);

    private static Measurement<double> M(double value, TenantMetrics t, params (string Key, string Value)[] labels) =>
        new(value, [new("tenant", t.Slug), .. labels.Select(l => new KeyValuePair<string, object?>(l.Key, l.Value))]);

    private static IEnumerable<Measurement<double>> Share(double? share, TenantMetrics t) => share is { } s ? [M(s, t)] : [];
}
