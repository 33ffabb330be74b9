using System.Text.Json;
using AiGovernance.Core.Recommendations;
using AiGovernance.Data.Outbox;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Recommendations;

/// <summary>
/// The effect of an accepted follow-up draft: the message (the reviewer's edit when there is one) goes to
/// the outbox as <c>message.follow_up</c>, keyed by the recommendation, so it is sent exactly once.
/// </summary>
public static class FollowUpMessages
{
    public const string Topic = "message.follow_up";

    private static readonly string[] Required = ["recipient_kind", "recipient_id", "subject", "body"];

    public static async Task<RecommendationEffect> SendAsync(TenantScope scope, Recommendation rec, StoredRequisition? requisition, string deciderId,
        TimeProvider clock, CancellationToken ct)
    {
        var p = rec.EffectivePayload;
        var missing = Required.Where(k => !p.TryGetProperty(k, out var v) || v.ValueKind != JsonValueKind.String || v.GetString()!.Trim().Length == 0).ToList();
        if (missing.Count > 0)
            return RecommendationEffect.NotApplied($"the message lacks {string.Join(", ", missing)}; nothing was sent");
        string? Text(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var key = $"followup:{rec.Id}";
        var messageId = await OutboxWriter.EnqueueAsync(scope, Topic, key, rec.SubjectId, new
        {
            recommendation_id = rec.Id,
            requisition_id = requisition?.Requisition.Id,
            requisition_number = requisition?.Requisition.Number,
            recipient_kind = Text("recipient_kind"),
            recipient_id = Text("recipient_id"),
            recipient_address = Text("recipient_address"),
            subject = Text("subject"),
            body = Text("body"),
            trigger = Text("trigger"),
            approved_by = deciderId,
            drafted_by = rec.Producer.Name,
        }, clock, ct);
        return new RecommendationEffect(true, null, Topic, new Dictionary<string, string?>
        {
            ["outbox_message_id"] = messageId?.ToString(),
            ["idempotency_key"] = key,
            ["recipient_id"] = Text("recipient_id"),
        });
    }
}
