namespace AiGovernance.Core.Exceptions;

/// <summary>What needs a person, with the severity and owner queue it gets unless the policy says otherwise.</summary>
public static class ExceptionTypes
{
    public sealed record Definition(string Type, string Severity, string Queue, string Label);

    public const string ProbableDuplicate = "probable_duplicate";
    public const string SplitPurchase = "split_purchase";
    public const string PriceVariance = "price_variance";
    public const string DocumentMismatch = "document_mismatch";
    public const string MissingInformation = "missing_information";
    public const string DocumentAddressesAi = "document_addresses_ai";
    public const string OverBudget = "over_budget";
    public const string StaleBudget = "stale_budget";
    public const string SupplierOnHold = "supplier_on_hold";
    public const string SupplierBlocked = "supplier_blocked";
    public const string SupplierOnboardingIncomplete = "supplier_onboarding_incomplete";
    public const string CertificateExpired = "certificate_expired";
    public const string EmergencyReview = "emergency_review";
    public const string SlaBreach = "sla_breach";
    public const string Escalation = "escalation";
    public const string PoReleaseDeadLettered = "po_release_dead_lettered";
    public const string DeliveryDeadLettered = "delivery_dead_lettered";
    public const string WebhookRejected = "webhook_rejected";
    public const string SupplierMasterMismatch = "supplier_master_mismatch";
    public const string CategoryChangesChain = "category_changes_chain";
    public const string AiFlag = "ai_flag";

    public static class Queues
    {
        public const string ProcurementOps = "procurement_ops";
        public const string AccountsPayable = "accounts_payable";
        public const string CategoryManager = "category_manager";
        public const string Compliance = "compliance";
        public static readonly IReadOnlyList<string> All = [ProcurementOps, AccountsPayable, CategoryManager, Compliance];
    }

    public static readonly IReadOnlyDictionary<string, Definition> All = new Definition[]
    {
        new(ProbableDuplicate, "high", Queues.ProcurementOps, "Probable duplicate"),
        new(SplitPurchase, "high", Queues.Compliance, "Split purchase"),
        new(PriceVariance, "medium", Queues.CategoryManager, "Price variance"),
        new(DocumentMismatch, "medium", Queues.AccountsPayable, "Document does not match"),
        new(MissingInformation, "medium", Queues.ProcurementOps, "Missing document or information"),
        new(DocumentAddressesAi, "high", Queues.Compliance, "Document addresses the AI"),
        new(OverBudget, "high", Queues.AccountsPayable, "Over budget"),
        new(StaleBudget, "low", Queues.AccountsPayable, "Budget figures stale"),
        new(SupplierOnHold, "medium", Queues.ProcurementOps, "Supplier on hold"),
        new(SupplierBlocked, "high", Queues.ProcurementOps, "Supplier blocked"),
        new(SupplierOnboardingIncomplete, "medium", Queues.ProcurementOps, "Supplier onboarding incomplete"),
        new(CertificateExpired, "medium", Queues.ProcurementOps, "Certificate expired"),
        new(EmergencyReview, "medium", Queues.Compliance, "Emergency purchase awaiting review"),
        new(SlaBreach, "high", Queues.ProcurementOps, "SLA breached"),
        new(Escalation, "medium", Queues.ProcurementOps, "Escalated"),
        new(PoReleaseDeadLettered, "critical", Queues.ProcurementOps, "PO release failed"),
        new(DeliveryDeadLettered, "medium", Queues.ProcurementOps, "Message delivery failed"),
        new(WebhookRejected, "medium", Queues.ProcurementOps, "ERP webhook rejected"),
        new(SupplierMasterMismatch, "high", Queues.AccountsPayable, "Supplier details disagree with the master"),
        new(CategoryChangesChain, "medium", Queues.CategoryManager, "Category looks wrong and would change the approval chain"),
        new(AiFlag, "medium", Queues.ProcurementOps, "AI flag"),
    }.ToDictionary(d => d.Type, StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> Severities = ["low", "medium", "high", "critical"];

    /// <summary>The pre-approval checks' codes (requisitions.hold_reasons / flags) as exception types.</summary>
    public static string? ForCheckCode(string code) => code switch
    {
        Checks.CheckCodes.SupplierBlocked => SupplierBlocked,
        Checks.CheckCodes.SupplierOnHold => SupplierOnHold,
        Checks.CheckCodes.SupplierOnboardingIncomplete => SupplierOnboardingIncomplete,
        Checks.CheckCodes.SupplierDocumentExpired => CertificateExpired,
        Checks.CheckCodes.BudgetInsufficient => OverBudget,
        Checks.CheckCodes.BudgetSnapshotStale => StaleBudget,
        _ => null,
    };

    /// <summary>An AI hold or note as an exception type: by the detector that raised it (or its producer's name), or the document check.</summary>
    public static string ForRecommendation(string? detector, string? producer, string? check) =>
        (detector ?? producer?.Replace("-detector", "", StringComparison.Ordinal), check) switch
        {
            ("duplicate", _) => ProbableDuplicate,
            ("split-purchase", _) => SplitPurchase,
            ("price-variance", _) => PriceVariance,
            (_, "certificate_expired" or "certificate_expiring") => CertificateExpired,
            (_, not null) => DocumentMismatch,
            _ => AiFlag,
        };
}
