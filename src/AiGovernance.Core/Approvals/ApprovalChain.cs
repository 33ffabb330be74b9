using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Approvals;

/// <summary>Builds the concrete chain of a requisition from the policy's step templates.</summary>
public static class ApprovalChain
{
    /// <summary>
    /// Resolves every approver spec to a role or a user. The cost-centre owner is resolved now, so
    /// the approval stays with the person who owned the cost centre when it was routed. When the
    /// requester owns the cost centre, SoD would leave that slot unfillable, so it goes to the step's
    /// escalation target instead (and <paramref name="notes"/> says so for the routing record).
    /// </summary>
    public static List<ApprovalStep> Build(IReadOnlyList<StepTemplate> templates, string? costCentreOwner, string? requesterId = null, List<string>? notes = null)
    {
        var steps = new List<ApprovalStep>(templates.Count);
        foreach (var (template, index) in templates.Select((t, i) => (t, i)))
        {
            var slots = template.Approvers
                .Select((spec, i) => new ApprovalSlot { Index = i, Approver = ResolveForRequester(spec, template, costCentreOwner, requesterId, notes) })
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

    private static ApproverRef ResolveForRequester(ApproverSpec spec, StepTemplate template, string? owner, string? requesterId, List<string>? notes)
    {
        if (spec.Kind != ApproverKind.CostCentreOwner || requesterId is null || owner != requesterId || template.EscalateTo is not { } escalation
            || escalation.Kind == ApproverKind.CostCentreOwner)
            return Resolve(spec, owner, template.Name);
        var substitute = Resolve(escalation, owner, template.Name);
        notes?.Add($"step '{template.Name}': the requester {requesterId} owns the cost centre, so {substitute} approves instead");
        return substitute;
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
