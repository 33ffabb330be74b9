namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// How sure the agent can be that a draft is right, from the case alone: is the recipient's address known,
/// is what to ask for known, is the trigger's detail complete. Each missing fact lowers the score by its
/// weight and is named, so an escalation says what a person has to find out.
/// </summary>
public sealed record DraftConfidence(double Score, IReadOnlyList<string> Gaps)
{
    private const double RecipientWeight = 0.5;
    private const double SubjectWeight = 0.3;
    private const double DetailWeight = 0.2;

    public static DraftConfidence ForDocumentRequest(FollowUpCase @case, string recipientKind, string? documentKind, string? reason) => Weigh(
        (RecipientKnown(@case, recipientKind, null), RecipientWeight, $"no address for the {recipientKind}"),
        (!string.IsNullOrWhiteSpace(documentKind), SubjectWeight, "the missing document's kind is not known"),
        (!string.IsNullOrWhiteSpace(reason), DetailWeight, "the trigger gives no detail"));

    public static DraftConfidence ForOnboardingRequest(FollowUpCase @case, string? reason) => Weigh(
        (RecipientKnown(@case, RecipientKinds.SupplierContact, null), RecipientWeight, "the supplier has no contact address"),
        (@case.Supplier.MissingOnboardingItems.Count > 0, SubjectWeight, "the missing onboarding items are not listed"),
        (!string.IsNullOrWhiteSpace(reason), DetailWeight, "the trigger gives no detail"));

    public static DraftConfidence ForApproverNudge(FollowUpCase @case, string? approverId, string? step, string? dueAt) => Weigh(
        (RecipientKnown(@case, RecipientKinds.Approver, approverId), RecipientWeight, "the approver is not known"),
        (!string.IsNullOrWhiteSpace(step), SubjectWeight / 2, "the approval step is not named"),
        (!string.IsNullOrWhiteSpace(dueAt), SubjectWeight / 2 + DetailWeight, "the due time is not known"));

    private static bool RecipientKnown(FollowUpCase @case, string kind, string? requestedId) =>
        CaseRecipients.Resolve(@case, kind, requestedId).Recipient is not null;

    private static DraftConfidence Weigh(params (bool Known, double Weight, string Gap)[] facts) => new(
        Math.Round(facts.Where(f => f.Known).Sum(f => f.Weight), 2),
        facts.Where(f => !f.Known).Select(f => f.Gap).ToList());
}
