using AiGovernance.Core.Delegations;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Approvals;

/// <summary>
/// Who qualifies for each kind of choice and who is left out. The exclusions reuse the rules that would refuse the
/// person later (segregation of duties, the authority limit, the delegation cycle check), so a suggestion is never
/// someone the system would then turn away.
/// </summary>
public static class ApproverSuggestionRules
{
    /// <summary>
    /// Roles that may approve on the policy's authority: those with a limit. A policy without limits lets anyone
    /// approve, so the plain approver role stands in.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal?> ApprovingRoles(ApprovalPolicy policy) =>
        policy.AuthorityLimits.Count == 0
            ? new Dictionary<string, decimal?>(StringComparer.Ordinal) { ["approver"] = null }
            : policy.AuthorityLimits.ToDictionary(kv => kv.Key, kv => (decimal?)kv.Value, StringComparer.Ordinal);

    /// <summary>
    /// A delegate should be a peer: someone holding one of the approving roles the absent person holds (the delegate
    /// decides with the delegator's authority, but should know the work). Without such a role, any approving role.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal?> DelegateRoles(ApprovalPolicy policy, IReadOnlyList<string> absentRoles)
    {
        var approving = ApprovingRoles(policy);
        var shared = approving.Where(kv => absentRoles.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return shared.Count > 0 ? shared : approving;
    }

    /// <summary>The roles of the step's open role slots (a slot naming a user leaves no choice).</summary>
    public static IReadOnlyDictionary<string, decimal?> StepRoles(ApprovalStep step, ApprovalPolicy policy) =>
        step.OpenSlots()
            .SelectMany(s => new[] { s.Approver, s.EscalatedTo })
            .OfType<ApproverRef>()
            .Where(a => a.Kind == ApproverRefKind.Role)
            .Select(a => a.Value)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(r => r, r => policy.AuthorityLimits.TryGetValue(r, out var l) ? (decimal?)l : null, StringComparer.Ordinal);

    /// <summary>
    /// Why <paramref name="candidate"/> could not decide the active step: the requester, someone who filled another
    /// step (segregation of duties), or, on the final step, someone whose authority limit is below the amount.
    /// </summary>
    public static string? ExcludedFromStep(Requisition requisition, ApprovalStep step, ApprovalPolicy policy, ApproverCandidate candidate)
    {
        var actor = new ApprovalActor(candidate.UserId, candidate.Roles.ToHashSet(StringComparer.Ordinal));
        try
        {
            SegregationOfDuties.ChooseSlot(requisition, step, actor, []);
            if (step.Index == requisition.Steps.Count - 1) SegregationOfDuties.CheckAuthority(requisition, actor, policy);
            return null;
        }
        catch (DomainException ex)
        {
            return $"{ex.Message} ({ex.Code})";
        }
    }

    /// <summary>
    /// Why <paramref name="candidate"/> could not cover for <paramref name="absentUserId"/> in the window: the absent
    /// person themself, or a delegation that would form a cycle with those already in place.
    /// </summary>
    public static string? ExcludedAsDelegate(string absentUserId, DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<Delegation> existing,
        ApproverCandidate candidate)
    {
        if (candidate.UserId == absentUserId) return "is the person who is away";
        try
        {
            DelegationRules.Validate(new Delegation(Guid.Empty, absentUserId, candidate.UserId, from, to, null), existing);
            return null;
        }
        catch (DomainException ex)
        {
            return $"{ex.Message} ({ex.Code})";
        }
    }
}
