using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// Who a drafting call would write to, resolved against the case only: the agent may name a recipient,
/// but it cannot invent one. A supplier contact is the case's contact address; an approver must be one
/// named by an SLA trigger of the case.
/// </summary>
public static class CaseRecipients
{
    /// <summary>The recipient kind and the id the caller asked for; null for functions that write to nobody.</summary>
    public static (string Kind, string? RequestedId)? TargetOf(string functionName, KernelArguments arguments) => functionName switch
    {
        DraftingFunctions.DocumentRequest => (Arg(arguments, "recipient_kind") ?? "", Arg(arguments, "recipient_id")),
        DraftingFunctions.ApproverNudge => (RecipientKinds.Approver, Arg(arguments, "approver_id")),
        DraftingFunctions.OnboardingRequest => (RecipientKinds.SupplierContact, null),
        _ => null,
    };

    /// <summary>The recipient's id or address from the case, or the reason there is none.</summary>
    public static (string? Recipient, string? Problem) Resolve(FollowUpCase @case, string kind, string? requestedId)
    {
        switch (kind)
        {
            case RecipientKinds.Requester:
                return Matches(requestedId, @case.RequesterId)
                    ? (@case.RequesterId, null)
                    : (null, $"'{requestedId}' is not the requester of this case");
            case RecipientKinds.SupplierContact:
                if (string.IsNullOrWhiteSpace(@case.Supplier.ContactEmail)) return (null, "the case has no supplier contact address");
                return Matches(requestedId, @case.Supplier.ContactEmail) || Matches(requestedId, @case.Supplier.Id)
                    ? (@case.Supplier.ContactEmail, null)
                    : (null, $"'{requestedId}' is not the supplier contact of this case");
            case RecipientKinds.Approver:
                var approvers = @case.Triggers.Select(t => t.ApproverId).OfType<string>().ToList();
                var match = approvers.FirstOrDefault(a => Matches(requestedId, a) && !string.IsNullOrWhiteSpace(requestedId));
                return match is not null ? (match, null) : (null, $"'{requestedId}' is not an approver named by this case");
            default:
                return (null, $"unknown recipient kind '{kind}'");
        }
    }

    private static bool Matches(string? requested, string actual) =>
        string.IsNullOrWhiteSpace(requested) || string.Equals(requested.Trim(), actual.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Arg(KernelArguments arguments, string name) =>
        arguments.TryGetValue(name, out var value) ? value?.ToString() : null;
}
