namespace AiGovernance.Core.Checks;

/// <summary>
/// Why a requisition is held, rejected or flagged by a pre-approval check: a stable code for machines
/// and a sentence for people. Stored in requisitions.hold_reasons / requisitions.flags.
/// </summary>
public sealed record CheckReason(string Code, string Text);

/// <summary>The codes the supplier and budget checks produce; re-running the checks replaces exactly these.</summary>
public static class CheckCodes
{
    public const string SupplierBlocked = "supplier_blocked";
    public const string SupplierOnHold = "supplier_on_hold";
    public const string SupplierOnboardingIncomplete = "supplier_onboarding_incomplete";
    public const string SupplierDocumentExpired = "supplier_document_expired";
    public const string BudgetInsufficient = "budget_insufficient";
    public const string BudgetSnapshotStale = "budget_snapshot_stale";

    public static readonly IReadOnlySet<string> Owned = new HashSet<string>(StringComparer.Ordinal)
    {
        SupplierBlocked, SupplierOnHold, SupplierOnboardingIncomplete, SupplierDocumentExpired, BudgetInsufficient, BudgetSnapshotStale,
    };

    public static bool IsSupplierCode(string code) => code.StartsWith("supplier_", StringComparison.Ordinal);
}
