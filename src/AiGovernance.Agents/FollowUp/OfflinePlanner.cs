using System.Globalization;
using AiGovernance.Agents.FollowUp.Plugins;
using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// Plans without a language model: one call per trigger, chosen by rule. Calls go through
/// <c>kernel.InvokeAsync</c> so the permission filter governs them exactly as it governs a model's calls.
/// </summary>
public static class OfflinePlanner
{
    /// <summary>Documents that come from the supplier rather than from the person who raised the requisition.</summary>
    private static readonly HashSet<string> SupplierDocumentKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "quote", "quotation", "invoice", "certificate", "insurance_certificate", "tax_form", "w9", "bank_details", "price_list", "contract",
    };

    public static async Task RunAsync(Kernel kernel, FollowUpRun run, CancellationToken cancellationToken)
    {
        foreach (var trigger in run.Case.Triggers)
        {
            var (function, arguments, confidence) = Plan(run.Case, trigger);
            if (confidence.Score < run.Manifest.ConfidenceThreshold)
            {
                var reason = $"{trigger.Kind}: {trigger.Detail} — not drafted, confidence {confidence.Score.ToString("0.00", CultureInfo.InvariantCulture)}: {string.Join("; ", confidence.Gaps)}";
                await kernel.InvokeAsync(EscalationPlugin.PluginName, "escalate_to_human",
                    new KernelArguments { ["reason"] = reason, ["confidence"] = confidence.Score }, cancellationToken);
                continue;
            }
            if (function is not null)
                await kernel.InvokeAsync(DraftingFunctions.PluginName, function, arguments, cancellationToken);
        }
    }

    private static (string? Function, KernelArguments Arguments, DraftConfidence Confidence) Plan(FollowUpCase @case, FollowUpTrigger trigger)
    {
        switch (trigger.Kind)
        {
            case TriggerKinds.MissingDocument:
                // Supplier documents go to the supplier's contact; without one on file, the requester (who deals with
                // the supplier) is asked to obtain it, which beats escalating a routine request to a person.
                var toSupplier = trigger.DocumentKind is not null && SupplierDocumentKinds.Contains(trigger.DocumentKind)
                    && !string.IsNullOrWhiteSpace(@case.Supplier.ContactEmail);
                var kind = toSupplier ? RecipientKinds.SupplierContact : RecipientKinds.Requester;
                var recipient = toSupplier ? @case.Supplier.ContactEmail! : @case.RequesterId;
                return (DraftingFunctions.DocumentRequest,
                    new KernelArguments
                    {
                        ["recipient_kind"] = kind, ["recipient_id"] = recipient,
                        ["document_kind"] = trigger.DocumentKind ?? "", ["reason"] = trigger.Detail,
                    },
                    DraftConfidence.ForDocumentRequest(@case, kind, trigger.DocumentKind, trigger.Detail));
            case TriggerKinds.SupplierOnboardingIncomplete:
                return (DraftingFunctions.OnboardingRequest, new KernelArguments { ["reason"] = trigger.Detail },
                    DraftConfidence.ForOnboardingRequest(@case, trigger.Detail));
            case TriggerKinds.SlaNear:
                var dueAt = trigger.DueAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
                return (DraftingFunctions.ApproverNudge,
                    new KernelArguments
                    {
                        ["approver_id"] = trigger.ApproverId ?? "", ["step"] = trigger.StepName ?? "",
                        ["due_at"] = dueAt ?? "", ["reason"] = trigger.Detail,
                    },
                    DraftConfidence.ForApproverNudge(@case, trigger.ApproverId, trigger.StepName, dueAt));
            default:
                // A trigger this planner has no rule for is a person's job, never a guess.
                return (null, [], new DraftConfidence(0, [$"no rule for trigger kind '{trigger.Kind}'"]));
        }
    }
}
