using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Approvals;

/// <summary>Builds the concrete chain of a requisition from the policy's step templates.</summary>
public static class ApprovalChain
{
    /// <summary>
    /// Resolves every approver spec to a role or a user. The cost-centre owner is resolved now, so
    /// the approval stays with the person who owned the cost centre when it was routed.
    /// </summary>
    public static List<ApprovalStep> Build(IReadOnlyList<StepTemplate> templates, string? costCentreOwner)
    {
        var steps = new List<ApprovalStep>(templates.Count);
        foreach (var (template, index) in templates.Select((t, i) => (t, i)))
        {
            var slots = template.Approvers
                .Select((spec, i) => new ApprovalSlot { Index = i, Approver = Resolve(spec, costCentreOwner, template.Name) })
                .ToList();
            var quorum = template.Mode switch
            {
                StepMode.FirstResponder => 1,
                StepMode.Sequential => slots.Count,
                _ => Math.Clamp(template.Quorum, 1, slots.Count),
            };
            steps.Add(new ApprovalStep
            {
                Index = index,
                Name = template.Name,
                Mode = template.Mode,
                Quorum = quorum,
                Slots = slots,
                Sla = template.Sla,
                EscalateTo = template.EscalateTo is { } e ? Resolve(e, costCentreOwner, template.Name) : null,
            });
        }
        return steps;
    }

    private static ApproverRef Resolve(ApproverSpec spec, string? costCentreOwner, string stepName) => spec.Kind switch
    {
        ApproverKind.Role => new ApproverRef(ApproverRefKind.Role, spec.Value!),
        ApproverKind.User => new ApproverRef(ApproverRefKind.User, spec.Value!),
        _ => costCentreOwner is { Length: > 0 } owner
            ? new ApproverRef(ApproverRefKind.User, owner)
            : throw DomainException.Unprocessable("cost_centre_has_no_owner",
                $"Step '{stepName}' needs the cost-centre owner, but the cost centre has no owner."),
    };
}
