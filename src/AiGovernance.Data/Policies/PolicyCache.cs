using System.Collections.Concurrent;
using AiGovernance.Core.Policies;

namespace AiGovernance.Data.Policies;

/// <summary>
/// Parsed policies by version id. A stored version never changes, so caching it in memory is safe
/// with any number of hosts; which version is active is always read from the database.
/// </summary>
public sealed class PolicyCache
{
    /// <summary>The process-wide cache: code without the host's services (seeding, re-checks) shares it.</summary>
    public static PolicyCache Shared { get; } = new();

    private readonly ConcurrentDictionary<long, ApprovalPolicy> _byId = new();

    public bool TryGet(long versionId, out ApprovalPolicy policy) => _byId.TryGetValue(versionId, out policy!);

    public ApprovalPolicy GetOrParse(long versionId, string yaml) => _byId.GetOrAdd(versionId, _ =>
    {
        var parsed = PolicyParser.Parse(yaml);
        return parsed.IsValid
            ? parsed.Policy!
            : throw new InvalidOperationException($"stored policy version {versionId} no longer parses: {parsed.Errors[0].Message}");
    });
}
