using AiGovernance.Core;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Checks;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Recommendations;

/// <summary>Lifts a hold placed by an accepted AI recommendation, with the reviewer's reason, in one transaction.</summary>
public static class ReleaseAiHold
{
    public static async Task<StoredRequisition> ExecuteAsync(TenantScope scope, string actorId, Guid requisitionId, string reason,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stored = await RequisitionStore.LoadForUpdateAsync(scope, requisitionId, ct)
            ?? throw DomainException.NotFound("requisition_not_found", $"Requisition {requisitionId} was not found.");
        var r = stored.Requisition;
        var resumed = r.ReleaseAiHold();
        await RequisitionStore.SaveApprovalStateAsync(scope, r, now, ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.HoldReleased, actorId, "requisition", r.Number,
            new { requisition_id = r.Id, code = Requisition.AiHoldCode, reason, resumed, remaining_holds = r.HoldReasons.Select(h => h.Code) }), clock, ct);
        return stored with { UpdatedAt = now };
    }
}
