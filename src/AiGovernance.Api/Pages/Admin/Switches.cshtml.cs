using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;
using AiGovernance.Data.Detection;
using AiGovernance.Worker.Detection;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Pages.Admin;

/// <summary>
/// The tenant's kill switches: detection models and agents, each switched off (or on) with a reason through the
/// same code as <c>PUT /api/models/{kind}/switch</c> and <c>PUT /api/agents/{agent}/switch</c>.
/// </summary>
public sealed class SwitchesModel(TenantDb db, DetectionModels models, TimeProvider clock) : WorkspacePage
{
    public IReadOnlyList<ModelView> Models { get; private set; } = [];
    public IReadOnlyList<AgentView> Agents { get; private set; } = [];

    /// <summary>Governance:Detection:Disabled, deployment-wide; only the operator's configuration changes it.</summary>
    public IReadOnlyList<string> DisabledByConfiguration => models.DisabledByConfiguration;

    public async Task OnGetAsync(CancellationToken ct)
    {
        RequireRole(Roles.Admin);
        await using var scope = await db.BeginAsync(Me, ct);
        Models = await ModelStates.ModelsAsync(scope, models, ct);
        Agents = await ModelStates.AgentsAsync(scope, ct);
    }

    public async Task<IActionResult> OnPostSetAsync(string kind, bool? enabled, string? reason, CancellationToken ct)
    {
        var me = RequireRole(Roles.Admin);
        var agent = AgentSwitches.IsAgentKind(kind ?? "");
        await using var scope = await db.BeginAsync(me, ct);
        var changed = await ChangeKillSwitch.ExecuteAsync(scope, kind ?? "", agent ? AgentSwitches.Kinds : [.. DetectorKinds.All], agent ? "agent" : "kind",
            enabled, reason, me.UserId, clock, ct);
        await scope.CommitAsync(ct);
        Flash($"{Label(changed.Kind)} switched {(changed.Enabled ? "on" : "off")} for this tenant.");
        return BackToPage(changed.Kind.Replace('.', '-'));
    }

    public static string Label(string kind) => kind switch
    {
        AgentSwitches.FollowUp => "Follow-up agent",
        _ => $"The {kind} model",
    };
}
