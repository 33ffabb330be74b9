namespace AiGovernance.Core.Exceptions;

/// <summary>Sends exceptions of these types to a queue instead of their default one.</summary>
public sealed record ExceptionRoute(IReadOnlyList<string> Types, string Queue);

/// <summary>
/// The policy's optional <c>exceptions:</c> section: which queue owns which exception types, and how the
/// triage score weighs its parts. Absent: each type's default queue and equal weights.
/// </summary>
public sealed record ExceptionRules(IReadOnlyList<ExceptionRoute> Routing, TriageWeights Weights)
{
    public static readonly ExceptionRules Default = new([], TriageWeights.Default);

    /// <summary>The first route naming the type, else the type's default queue.</summary>
    public string QueueFor(string type) =>
        Routing.FirstOrDefault(r => r.Types.Contains(type, StringComparer.Ordinal))?.Queue ?? ExceptionTypes.All[type].Queue;
}
