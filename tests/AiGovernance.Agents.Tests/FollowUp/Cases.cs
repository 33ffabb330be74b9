using AiGovernance.Agents.FollowUp;

namespace AiGovernance.Agents.Tests.FollowUp;

/// <summary>Follow-up cases for tests: one requisition with a supplier, and a trigger of each kind.</summary>
public static class Cases
{
    public static readonly DateTimeOffset Due = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

    public static FollowUpTrigger MissingQuote => new(TriggerKinds.MissingDocument, "a quote is required above 10,000 EUR", DocumentKind: "quote");

    public static FollowUpTrigger MissingJustification =>
        new(TriggerKinds.MissingDocument, "IT purchases need a business justification", DocumentKind: "business_justification");

    public static FollowUpTrigger OnboardingIncomplete => new(TriggerKinds.SupplierOnboardingIncomplete, "supplier not yet approved for ordering");

    public static FollowUpTrigger SlaNear =>
        new(TriggerKinds.SlaNear, "75% of the step's SLA has passed", ApproverId: "u-david", StepName: "finance", DueAt: Due);

    public static FollowUpCase With(params FollowUpTrigger[] triggers) => Build(triggers);

    public static FollowUpCase Build(
        IReadOnlyList<FollowUpTrigger> triggers,
        string? supplierEmail = "orders@acme-supplies.example",
        bool onboardingComplete = false,
        IReadOnlyDictionary<string, int>? sentToday = null) => new(
        TenantId: "t-acme",
        RequisitionId: "7d4f4f7e-0000-4000-8000-000000000001",
        RequisitionNumber: "REQ-000123",
        Title: "14in laptops for the pharma team",
        RequesterId: "u-anna",
        Amount: 12_500m,
        Currency: "EUR",
        Category: "IT",
        Supplier: new SupplierFacts("sup-acme", "Acme Supplies", supplierEmail, onboardingComplete,
            onboardingComplete ? [] : ["bank details", "tax certificate"]),
        Triggers: triggers,
        MessagesSentToday: sentToday ?? new Dictionary<string, int>());
}
