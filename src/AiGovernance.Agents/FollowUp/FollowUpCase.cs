namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// Everything the follow-up agent may know: one requisition of one tenant. The agent has no database
/// access; its plugins read only this object, so it cannot see another requisition or tenant.
/// </summary>
public sealed record FollowUpCase(
    string TenantId,
    string RequisitionId,
    string RequisitionNumber,
    string Title,
    string RequesterId,
    decimal Amount,
    string Currency,
    string Category,
    SupplierFacts Supplier,
    IReadOnlyList<FollowUpTrigger> Triggers,
    IReadOnlyDictionary<string, int> MessagesSentToday)
{
    /// <summary>Messages already sent today to a recipient key (see <see cref="RecipientKeys"/>), whatever the caller's casing.</summary>
    public int SentToday(string recipientKey) =>
        MessagesSentToday.Where(sent => string.Equals(sent.Key, recipientKey, StringComparison.OrdinalIgnoreCase)).Sum(sent => sent.Value);
}

public sealed record SupplierFacts(
    string Id,
    string Name,
    string? ContactEmail,
    bool OnboardingComplete,
    IReadOnlyList<string> MissingOnboardingItems);

/// <summary>Why the case needs chasing. <see cref="Kind"/> is one of <see cref="TriggerKinds"/>.</summary>
public sealed record FollowUpTrigger(
    string Kind,
    string Detail,
    string? DocumentKind = null,
    string? ApproverId = null,
    string? StepName = null,
    DateTimeOffset? DueAt = null);

public static class TriggerKinds
{
    public const string MissingDocument = "missing_document";
    public const string SupplierOnboardingIncomplete = "supplier_onboarding_incomplete";
    public const string SlaNear = "sla_near";
}

public static class RecipientKinds
{
    public const string Requester = "requester";
    public const string SupplierContact = "supplier_contact";
    public const string Approver = "approver";

    public static readonly IReadOnlyList<string> All = [Requester, SupplierContact, Approver];
}

/// <summary>
/// The key a daily cap counts under: <c>requester:{id}</c>, <c>approver:{id}</c>, <c>supplier_contact:{email}</c>
/// (lower-cased). <see cref="FollowUpCase.MessagesSentToday"/> uses the same keys.
/// </summary>
public static class RecipientKeys
{
    public static string For(string recipientKind, string recipient) => $"{recipientKind}:{recipient.Trim().ToLowerInvariant()}";
}
