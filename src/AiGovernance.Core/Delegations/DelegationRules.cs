namespace AiGovernance.Core.Delegations;

public static class DelegationRules
{
    /// <summary>
    /// Refuses self-delegation, empty windows and cycles (A→B while B→…→A in an overlapping
    /// window), which would let approvals bounce between people with nobody accountable.
    /// </summary>
    public static void Validate(Delegation proposed, IReadOnlyCollection<Delegation> existing)
    {
        if (string.Equals(proposed.DelegatorId, proposed.DelegateId, StringComparison.Ordinal))
            throw DomainException.Unprocessable("delegation_to_self", "A user cannot delegate to themselves.");
        if (proposed.ValidTo <= proposed.ValidFrom)
            throw DomainException.Unprocessable("delegation_window_empty", "valid_to must be after valid_from.");

        var overlapping = existing.Where(d => d.Overlaps(proposed.ValidFrom, proposed.ValidTo)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal) { proposed.DelegateId };
        var frontier = new Queue<string>([proposed.DelegateId]);
        while (frontier.TryDequeue(out var person))
        {
            foreach (var next in overlapping.Where(d => d.DelegatorId == person).Select(d => d.DelegateId))
            {
                if (next == proposed.DelegatorId)
                    throw DomainException.Conflict("delegation_cycle",
                        $"{proposed.DelegateId} already delegates (directly or through others) to {proposed.DelegatorId} in an overlapping window; the delegation would form a cycle.");
                if (seen.Add(next)) frontier.Enqueue(next);
            }
        }
    }
}
