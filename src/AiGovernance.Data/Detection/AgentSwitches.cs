using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Detection;

/// <summary>
/// Per-tenant kill switches of the agents. They live beside the model switches (table <c>model_switches</c>,
/// kind <c>agent.&lt;id&gt;</c>): one place, one audit trail, for everything that can stop the AI for a tenant.
/// </summary>
public static class AgentSwitches
{
    /// <summary>The follow-up agent's switch kind.</summary>
    public const string FollowUp = "agent.follow-up";

    /// <summary>Agent ids as the API names them (<c>/api/agents/{agent}</c>) → switch kinds.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByAgent = new Dictionary<string, string>(StringComparer.Ordinal) { ["follow-up"] = FollowUp };

    public static IReadOnlyList<string> Kinds { get; } = [.. ByAgent.Values];

    public static bool IsAgentKind(string kind) => kind.StartsWith("agent.", StringComparison.Ordinal);

    /// <summary>The switch that turned <paramref name="kind"/> off for this tenant, or null when it may run.</summary>
    public static async Task<ModelSwitch?> OffAsync(TenantScope scope, string kind, CancellationToken ct) =>
        (await ModelSwitches.ListAsync(scope, ct)).GetValueOrDefault(kind) is { Enabled: false } s ? s : null;
}
