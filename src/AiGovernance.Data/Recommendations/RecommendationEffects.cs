using System.Text.Json;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;
using NpgsqlTypes;

namespace AiGovernance.Data.Recommendations;

/// <summary>
/// What an accepted (or edited) recommendation does, applied in the deciding transaction. Each kind
/// with an automatic effect is one case here; every other kind is recorded as accepted with no effect.
/// </summary>
public static class RecommendationEffects
{
    public static async Task<RecommendationEffect> ApplyAsync(TenantScope scope, Recommendation rec, StoredRequisition? requisition,
        string deciderId, TimeProvider clock, CancellationToken ct) => rec.Kind switch
    {
        RecommendationKinds.RequisitionHold => await HoldRequisitionAsync(scope, rec, requisition, deciderId, clock, ct),
        RecommendationKinds.FollowUpMessage => await FollowUpMessages.SendAsync(scope, rec, requisition, deciderId, clock, ct),
        RecommendationKinds.RequisitionCategory => await RecodeRequisitionCategory.ApplyAsync(scope, rec, requisition, deciderId, clock, ct),
        _ => RecommendationEffect.NotApplied($"kind '{rec.Kind}' has no automatic effect; the accepted recommendation is on record for people to act on"),
    };

    private static async Task<RecommendationEffect> HoldRequisitionAsync(TenantScope scope, Recommendation rec, StoredRequisition? stored,
        string deciderId, TimeProvider clock, CancellationToken ct)
    {
        if (stored?.Requisition is not { } r) return RecommendationEffect.NotApplied($"requisition {rec.SubjectId} no longer exists");
        if (!r.CanTakeAiHold)
            return RecommendationEffect.NotApplied($"requisition {r.Number} is {r.Status.ToSnakeCase()}; only pending_approval requisitions can be put on hold");

        var before = r.Status;
        var text = TextOf(rec.EffectivePayload) ?? $"AI recommendation '{rec.Kind}' from {rec.Producer.Name} accepted by {deciderId}";
        r.PlaceOnAiHold(rec.Id, text);
        // Appended in SQL (not rewritten from the aggregate) so holds placed by other components are never lost.
        await using var cmd = scope.Command("""
            UPDATE requisitions SET status = $2, hold_reasons = hold_reasons || jsonb_build_array($3::jsonb), version = version + 1, updated_at = $4
            WHERE id = $1 RETURNING version
            """);
        cmd.Parameters.AddWithValue(r.Id);
        cmd.Parameters.AddWithValue(r.Status.ToSnakeCase());
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter
        {
            Value = Json.Serialize(new { code = Requisition.AiHoldCode, recommendation_id = rec.Id, text }),
            NpgsqlDbType = NpgsqlDbType.Jsonb,
        });
        cmd.Parameters.AddWithValue(clock.GetUtcNow());
        r.Version = (int)(await cmd.ExecuteScalarAsync(ct))!;
        await Sla.SlaTimers.SyncAsync(scope, r, ct); // a hold stops the SLA clock
        // Also on the requisition's own trail, so "why is it on hold" is answered by filtering on the requisition.
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.RequisitionOnHold, deciderId, "requisition", r.Number,
            new { requisition_id = r.Id, code = Requisition.AiHoldCode, recommendation_id = rec.Id, text, status_before = before }), clock, ct);
        return new RecommendationEffect(true, null, "requisition.hold", new Dictionary<string, string?>
        {
            ["requisition_id"] = r.Id.ToString(),
            ["requisition_number"] = r.Number,
            ["status_before"] = before.ToSnakeCase(),
            ["status_after"] = r.Status.ToSnakeCase(),
            ["hold_code"] = Requisition.AiHoldCode,
            ["hold_text"] = text,
        });
    }

    /// <summary>The human-readable reason a producer (or an editing reviewer) gave: payload.reason, else payload.text.</summary>
    private static string? TextOf(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in new[] { "reason", "text" })
        {
            if (!payload.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String) continue;
            var text = v.GetString()!.Trim();
            if (text.Length > 0) return text.Length > 1000 ? text[..1000] : text;
        }
        return null;
    }
}
