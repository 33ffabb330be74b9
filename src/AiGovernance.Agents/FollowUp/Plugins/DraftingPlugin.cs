using System.ComponentModel;
using System.Globalization;
using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.FollowUp.Plugins;

/// <summary>
/// Proposes messages. Each function only adds a <see cref="MessageDraft"/> to the run; nothing is sent.
/// Recipients come from the case (the permission filter has already checked kind, recipient and caps).
/// A draft whose confidence is below the manifest's threshold is not made: the caller is told to escalate.
/// Parameter names are snake_case on purpose: Semantic Kernel shows them to the model verbatim, and the
/// filter, the planner and docs/agents.md use the same names.
/// </summary>
public sealed class DraftingPlugin(FollowUpRun run)
{
    [KernelFunction(DraftingFunctions.DocumentRequest)]
    [Description("Draft (not send) a request for a missing document to the requester or the supplier contact.")]
    public string DraftDocumentRequest(
        [Description("requester or supplier_contact")] string recipient_kind,
        [Description("the requester id or supplier contact address from the case")] string recipient_id,
        [Description("the kind of document that is missing, e.g. quote")] string document_kind,
        [Description("why the document is needed")] string reason)
    {
        var confidence = DraftConfidence.ForDocumentRequest(run.Case, recipient_kind, document_kind, reason);
        return Draft(MessageTemplates.DocumentRequest, TriggerKinds.MissingDocument, recipient_kind, recipient_id, confidence, reason,
            ("document_kind", document_kind));
    }

    [KernelFunction(DraftingFunctions.ApproverNudge)]
    [Description("Draft (not send) a reminder to an approver whose step is close to its SLA.")]
    public string DraftApproverNudge(
        [Description("the approver id named by the case")] string approver_id,
        [Description("the approval step name")] string step,
        [Description("when the step is due, ISO 8601")] string due_at,
        [Description("why the reminder is needed")] string reason)
    {
        var confidence = DraftConfidence.ForApproverNudge(run.Case, approver_id, step, due_at);
        return Draft(MessageTemplates.ApproverNudge, TriggerKinds.SlaNear, RecipientKinds.Approver, approver_id, confidence, reason,
            ("step", step), ("due_at", due_at));
    }

    [KernelFunction(DraftingFunctions.OnboardingRequest)]
    [Description("Draft (not send) a request to the supplier contact to complete the missing onboarding items.")]
    public string DraftOnboardingRequest([Description("why onboarding must be completed")] string reason)
    {
        var confidence = DraftConfidence.ForOnboardingRequest(run.Case, reason);
        return Draft(MessageTemplates.OnboardingRequest, TriggerKinds.SupplierOnboardingIncomplete, RecipientKinds.SupplierContact, null,
            confidence, reason, ("missing_items", string.Join(", ", run.Case.Supplier.MissingOnboardingItems)));
    }

    private string Draft(string template, string triggerKind, string recipientKind, string? requestedId, DraftConfidence confidence,
        string reason, params (string Key, string Value)[] extra)
    {
        var threshold = run.Manifest.ConfidenceThreshold;
        if (confidence.Score < threshold)
            return $"not drafted: confidence {Format(confidence.Score)} is below {Format(threshold)} ({string.Join("; ", confidence.Gaps)}); call escalate_to_human instead";
        var (recipient, problem) = CaseRecipients.Resolve(run.Case, recipientKind, requestedId);
        if (recipient is null) return $"not drafted: {problem}";

        var values = CaseValues(recipient, reason);
        foreach (var (key, value) in extra) values[key] = value;
        var (subject, body) = run.Messages.Render(template, values);
        run.AddDraft(new MessageDraft(recipientKind, recipient, subject, body, triggerKind, confidence.Score, reason));
        return $"drafted {template} to {recipientKind} {recipient} (confidence {Format(confidence.Score)}); a person reviews it before it is sent";
    }

    private Dictionary<string, string> CaseValues(string recipient, string reason) => new()
    {
        ["requisition_number"] = run.Case.RequisitionNumber,
        ["title"] = run.Case.Title,
        ["amount"] = run.Case.Amount.ToString("N2", CultureInfo.InvariantCulture),
        ["currency"] = run.Case.Currency,
        ["category"] = run.Case.Category,
        ["supplier_name"] = run.Case.Supplier.Name,
        ["recipient"] = recipient,
        ["reason"] = reason,
    };

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
