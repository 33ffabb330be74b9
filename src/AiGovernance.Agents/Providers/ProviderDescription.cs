namespace AiGovernance.Agents.Providers;

/// <summary>What produced an agent's output, as the decision log records it.</summary>
public sealed record ProviderDescription(string Provider, string Model)
{
    public static readonly ProviderDescription Offline = new(AgentProviderKinds.Offline, "rule-based-planner");

    public bool IsOffline => Provider == AgentProviderKinds.Offline;

    public override string ToString() => $"{Provider}/{Model}";
}
