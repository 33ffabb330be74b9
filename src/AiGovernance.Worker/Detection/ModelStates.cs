using AiGovernance.Data.Detection;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Worker.Detection;

/// <param name="Enabled">Whether the model runs for this tenant (configuration may still switch it off for all).</param>
/// <param name="DisabledBy">"configuration", "tenant" or null.</param>
public sealed record ModelView(string Kind, string? Version, bool Loaded, bool Enabled, string? DisabledBy, string Status, ModelSwitch? Switch);

/// <param name="Agent">The agent's id as the API names it (<c>follow-up</c>).</param>
/// <param name="Enabled">Whether the agent runs for this tenant.</param>
public sealed record AgentView(string Agent, string Kind, bool Enabled, ModelSwitch? Switch);

/// <summary>What runs for a tenant: the models and agents with their switches, as the API and the administration page show them.</summary>
public static class ModelStates
{
    public static async Task<IReadOnlyList<ModelView>> ModelsAsync(TenantScope scope, DetectionModels models, CancellationToken ct)
    {
        var switches = await ModelSwitches.ListAsync(scope, ct);
        return models.Statuses.Select(s =>
        {
            var byConfig = models.DisabledByConfiguration.Contains(s.Kind, StringComparer.OrdinalIgnoreCase);
            var sw = switches.GetValueOrDefault(s.Kind);
            var byTenant = sw is { Enabled: false };
            return new ModelView(s.Kind, s.Version, s.Loaded, !byConfig && !byTenant, byConfig ? "configuration" : byTenant ? "tenant" : null, s.Message, sw);
        }).ToList();
    }

    public static async Task<IReadOnlyList<AgentView>> AgentsAsync(TenantScope scope, CancellationToken ct)
    {
        var switches = await ModelSwitches.ListAsync(scope, ct);
        return AgentSwitches.ByAgent.Select(a =>
        {
            var sw = switches.GetValueOrDefault(a.Value);
            return new AgentView(a.Key, a.Value, sw is not { Enabled: false }, sw);
        }).ToList();
    }
}
