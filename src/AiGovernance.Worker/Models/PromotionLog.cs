using AiGovernance.Core.Models;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Worker.Models;

/// <summary>Every promotion step as a decision-log entry of the operator tenant, subject "model" kind/version.</summary>
internal static class PromotionLog
{
    public static Task AppendAsync(TenantScope scope, string kind, string actor, ModelPromotion p, TimeProvider clock, CancellationToken ct,
        object? extra = null) =>
        DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(kind, actor, "model", $"{p.Kind}/{p.Version}", new
        {
            promotion_id = p.Id,
            kind = p.Kind,
            version = p.Version,
            from_version = p.FromVersion,
            status = p.Status,
            requested_by = p.RequestedBy,
            reason = p.Reason,
            override_reason = p.OverrideReason,
            comparison = new
            {
                metric = p.Comparison.Metric,
                higher_is_better = p.Comparison.HigherIsBetter,
                challenger = p.Comparison.Challenger,
                champion = p.Comparison.Champion,
                champion_version = p.Comparison.ChampionVersion,
                basis = p.Comparison.Basis,
                challenger_is_worse = p.Comparison.ChallengerIsWorse,
            },
            decided_by = p.DecidedBy,
            decision_reason = p.DecisionReason,
            rolled_back_by = p.RolledBackBy,
            rollback_reason = p.RollbackReason,
            detail = extra,
        }), clock, ct);
}
