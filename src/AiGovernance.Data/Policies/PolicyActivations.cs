using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Policies;

public sealed record PolicyActivation(int Version, string Actor, DateTimeOffset At);

/// <summary>Who activated each policy version, read from the decision log: the record that cannot be edited afterwards.</summary>
public static class PolicyActivations
{
    /// <summary>The latest activation per version; a version activated when the tenant was created has none.</summary>
    public static async Task<IReadOnlyDictionary<int, PolicyActivation>> LatestAsync(TenantScope scope, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            SELECT DISTINCT ON (subject_id) subject_id, actor, recorded_at FROM decision_log
            WHERE kind = $1 AND subject_type = 'policy' ORDER BY subject_id, seq DESC
            """);
        cmd.Parameters.AddWithValue(DecisionLogKinds.PolicyActivated);
        var map = new Dictionary<int, PolicyActivation>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            if (int.TryParse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture, out var v))
                map[v] = new PolicyActivation(v, r.GetString(1), r.GetFieldValue<DateTimeOffset>(2));
        return map;
    }
}
