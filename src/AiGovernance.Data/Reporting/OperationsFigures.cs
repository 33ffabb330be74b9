using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Reporting;

/// <summary>A half-open time range [From, To): what "last 30 days" means on the dashboard and in /metrics.</summary>
public sealed record ReportRange(DateTimeOffset From, DateTimeOffset To)
{
    public static ReportRange LastDays(DateTimeOffset now, int days) => new(now.AddDays(-days), now);
}

/// <summary>How "suspiciously fast" is defined; stated on the dashboard beside the figure.</summary>
public sealed record FastApprovalRule(int Seconds = FastApprovalRule.DefaultSeconds)
{
    public const int DefaultSeconds = 30;
}

/// <summary>
/// Everything the Operations dashboard and the business gauges of /metrics show, for one tenant and one
/// range. One query per figure, all inside the caller's tenant transaction (row-level security), so the
/// page and the metrics collector read exactly the same numbers.
/// </summary>
public sealed record OperationsFigures(
    ReportRange Range,
    DateTimeOffset AsOf,
    QueueAging QueueAging,
    IReadOnlyList<CycleTime> CycleTimes,
    ExceptionRate Exceptions,
    SlaBreaches SlaBreaches,
    DecisionMix Decisions,
    RecommendationOutcomes Recommendations,
    IReadOnlyList<ReviewerAgreement> Reviewers,
    IReadOnlyList<FastApprovals> FastApprovals,
    OutboxBacklog Outbox,
    ScoringLatency Scoring)
{
    public static async Task<OperationsFigures> ReadAsync(TenantScope scope, ReportRange range, DateTimeOffset now, FastApprovalRule fast, CancellationToken ct)
    {
        // Snapshot figures (queue, outbox) are "as of" the end of the range, never later than now.
        var asOf = range.To < now ? range.To : now;
        return new OperationsFigures(range, asOf,
            await ApprovalFigures.QueueAgingAsync(scope, asOf, ct),
            await ApprovalFigures.CycleTimesAsync(scope, range, ct),
            await ApprovalFigures.ExceptionRateAsync(scope, range, ct),
            await ApprovalFigures.SlaBreachesAsync(scope, range, ct),
            await ApprovalFigures.DecisionMixAsync(scope, range, ct),
            await AiFigures.RecommendationOutcomesAsync(scope, range, ct),
            await AiFigures.ReviewerAgreementAsync(scope, range, ct),
            await ApprovalFigures.FastApprovalsAsync(scope, range, fast, ct),
            await DeliveryFigures.OutboxBacklogAsync(scope, range, asOf, ct),
            await AiFigures.ScoringLatencyAsync(scope, range, ct));
    }
}

/// <summary>Pending approval steps by how long they have been active.</summary>
public sealed record QueueAging(long Under4Hours, long From4To24Hours, long From1To3Days, long Over3Days)
{
    public long Total => Under4Hours + From4To24Hours + From1To3Days + Over3Days;
}

/// <summary>Submission to final human decision, for requisitions submitted in the range and decided since.</summary>
/// <param name="Dimension">"category", "legal_entity" or "all".</param>
public sealed record CycleTime(string Dimension, string Value, long Count, double MedianHours, double P90Hours);

/// <summary>Requisitions submitted in the range that carried any flag, hold or AI recommendation.</summary>
public sealed record ExceptionRate(long Submitted, long WithException)
{
    public double? Share => Submitted == 0 ? null : WithException / (double)Submitted;
}

/// <summary>SLA breaches found in the range: escalations plus breaches without an escalation target.</summary>
public sealed record SlaBreaches(long Escalations, long BreachesWithoutTarget)
{
    public long Total => Escalations + BreachesWithoutTarget;
}

/// <summary>How the requisitions submitted in the range were decided (so far).</summary>
public sealed record DecisionMix(long AutoApproved, long Approved, long Rejected)
{
    public long Decided => AutoApproved + Approved + Rejected;
    /// <summary>Touchless share: decided without a person.</summary>
    public double? TouchlessShare => Decided == 0 ? null : AutoApproved / (double)Decided;
}

/// <summary>AI recommendations a person decided in the range, by kind and overall.</summary>
public sealed record RecommendationOutcomes(IReadOnlyList<RecommendationKindOutcome> ByKind)
{
    public long Decided => ByKind.Sum(k => k.Decided);
    public long Rejected => ByKind.Sum(k => k.Rejected);
    /// <summary>Override frequency: how often people turned the AI down.</summary>
    public double? OverrideShare => Decided == 0 ? null : Rejected / (double)Decided;
}

/// <param name="Decided">Accepted + edited + rejected; expiries are nobody's decision and are counted apart.</param>
public sealed record RecommendationKindOutcome(string Kind, long Accepted, long Edited, long Rejected, long Expired)
{
    public long Decided => Accepted + Edited + Rejected;
    public double? AcceptanceShare => Decided == 0 ? null : (Accepted + Edited) / (double)Decided;
}

/// <summary>How often one reviewer went along with the AI: a share near 100 % over many decisions is an automation-bias signal.</summary>
public sealed record ReviewerAgreement(string UserId, long Decided, long Accepted)
{
    public double Share => Decided == 0 ? 0 : Accepted / (double)Decided;
}

/// <summary>One approver's approvals in the range, and how many came within the rule's seconds of the step activating or of their previous decision.</summary>
public sealed record FastApprovals(string UserId, long Approvals, long Fast)
{
    public double Share => Approvals == 0 ? 0 : Fast / (double)Approvals;
}

/// <summary>The outbox now, and delivery failures of messages created in the range.</summary>
public sealed record OutboxBacklog(long Pending, long Retrying, long DeadLettered, double? OldestPendingSeconds, long DeliveryFailuresInRange);

/// <summary>Detector scoring time per requisition (embedding + every detector), from the detection_scored log entries.</summary>
public sealed record ScoringLatency(long Count, double? P50Ms, double? P95Ms);
