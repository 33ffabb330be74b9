using AiGovernance.Core.Checks;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Requisitions;

/// <summary>
/// Compares the supplier details a requisition states with the supplier master and logs a disagreement as
/// supplier_master_mismatch, in the caller's transaction; the exception projector raises it for accounts
/// payable. It never refuses: a person decides whether the difference is a typo or a redirected payment.
/// </summary>
public static class SupplierMasterMismatchCheck
{
    /// <summary>Returns the comparison (null when nothing is stated or the supplier is unknown); logs only when something disagrees.</summary>
    public static async Task<SupplierMasterComparisonResult?> RunAsync(TenantScope scope, Requisition requisition, string actor, TimeProvider clock,
        CancellationToken ct)
    {
        if (requisition.StatedSupplier is not { IsEmpty: false } stated) return null;
        var master = await SupplierIdentifiers.GetMasterAsync(scope, requisition.SupplierId, ct);
        if (master is null) return null;
        var result = SupplierMasterComparison.Compare(stated, master);
        if (!result.HasMismatch) return result;
        // Stated and master values come from the comparison, where the IBAN is already masked: bank data stays out of the log.
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.SupplierMasterMismatch, actor, "requisition", requisition.Number,
            new
            {
                requisition_id = requisition.Id,
                supplier_id = master.Id,
                summary = result.Summary,
                bank_details_differ = result.BankDetailsDiffer,
                mismatches = result.Mismatches.Select(m => new { field = m.Field, stated = m.Stated, master = m.Master, why = m.Why }),
                not_comparable = result.NotComparable.Select(m => new { field = m.Field, why = m.Why }),
            }), clock, ct);
        return result;
    }
}
