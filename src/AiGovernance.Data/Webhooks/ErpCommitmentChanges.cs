using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Webhooks;

/// <summary>
/// Logs the ERP setting or changing a requisition's customer commitment: it moves the requisition up or down
/// the exception inbox, so who changed it, from what to what and in which ERP version must be on record.
/// </summary>
public static class ErpCommitmentChanges
{
    /// <summary>Appends requisition_commitment_changed when the order or the promised date differ; returns whether they did.</summary>
    public static async Task<bool> LogAsync(TenantScope scope, Requisition before, Requisition after, long erpVersion, TimeProvider clock,
        CancellationToken ct)
    {
        if (before.CustomerOrder == after.CustomerOrder && before.PromisedDate == after.PromisedDate) return false;
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.RequisitionCommitmentChanged, WebhookEvents.Actor,
            "requisition", after.Number, new
            {
                requisition_id = after.Id,
                erp_version = erpVersion,
                customer_order_before = before.CustomerOrder,
                customer_order_after = after.CustomerOrder,
                promised_date_before = before.PromisedDate,
                promised_date_after = after.PromisedDate,
                customer_commitment = after.HasCustomerCommitment,
            }), clock, ct);
        return true;
    }
}
