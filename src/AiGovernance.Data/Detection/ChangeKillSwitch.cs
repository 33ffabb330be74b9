using AiGovernance.Core;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Detection;

/// <summary>
/// Switching a model or an agent on or off for one tenant: the API (<c>PUT /api/models/{kind}/switch</c>,
/// <c>PUT /api/agents/{agent}/switch</c>) and the administration page both come through here, so both
/// validate the same way and log the same <c>kill_switch_changed</c> entry.
/// </summary>
public static class ChangeKillSwitch
{
    public const int MaxReasonLength = 1000;

    /// <param name="kinds">The kinds this caller may name (detector kinds, or agent switch kinds).</param>
    /// <param name="field">How the kind is named in field errors ("kind" for models, "agent" for agents).</param>
    public static async Task<ModelSwitch> ExecuteAsync(TenantScope scope, string kind, IReadOnlyCollection<string> kinds, string field, bool? enabled,
        string? reason, string actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!kinds.Contains(kind, StringComparer.Ordinal)) errors.Add(field, $"must be one of {string.Join(", ", kinds)}");
        if (enabled is null) errors.Add("enabled", "is required (true or false)");
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "is required: the decision log records why a switch was changed");
        else if (reason.Length > MaxReasonLength) errors.Add("reason", $"must be at most {MaxReasonLength} characters");
        errors.ThrowIfAny();
        return await ModelSwitches.SetAsync(scope, kind, enabled!.Value, reason!.Trim(), actor, clock, ct);
    }
}
