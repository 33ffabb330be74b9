using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Detection;

/// <summary>A tenant's kill switch for one model kind (or agent: <see cref="AgentSwitches"/>).</summary>
public sealed record ModelSwitch(string Kind, bool Enabled, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>
/// Per-tenant kill switches (the admin API). A switched-off model is not run; routing falls back to the
/// policy's rules alone. Configuration can switch a model off for every tenant; this cannot switch it back on.
/// </summary>
public static class ModelSwitches
{
    public static async Task<IReadOnlyDictionary<string, ModelSwitch>> ListAsync(TenantScope scope, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT kind, enabled, reason, changed_by, changed_at FROM model_switches");
        var map = new Dictionary<string, ModelSwitch>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            map[r.GetString(0)] = new ModelSwitch(r.GetString(0), r.GetBoolean(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4));
        return map;
    }

    public static async Task<ModelSwitch> SetAsync(TenantScope scope, string kind, bool enabled, string reason, string actor, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using (var cmd = scope.Command("""
            INSERT INTO model_switches (tenant_id, kind, enabled, reason, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (tenant_id, kind) DO UPDATE SET enabled = excluded.enabled, reason = excluded.reason,
                changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """))
        {
            cmd.Parameters.AddWithValue(scope.TenantId);
            cmd.Parameters.AddWithValue(kind);
            cmd.Parameters.AddWithValue(enabled);
            cmd.Parameters.AddWithValue(reason);
            cmd.Parameters.AddWithValue(actor);
            cmd.Parameters.AddWithValue(now);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.KillSwitchChanged, actor, AgentSwitches.IsAgentKind(kind) ? "agent" : "model", kind,
            new { kind, enabled, reason }), clock, ct);
        return new ModelSwitch(kind, enabled, reason, actor, now);
    }
}
