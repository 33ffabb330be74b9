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

    /// <summary>The outbox idempotency key of an accepted draft's message.</summary>
    public static string KeyFor(Guid recommendationId) => $"followup:{recommendationId}";

    /// <summary>
    /// A reviewer's edit of a draft: the drafted payload with their subject and body, everything else (recipient,
    /// trigger) as drafted, so an edit changes the wording and never the addressee.
    /// </summary>
    public static JsonElement WithText(JsonElement drafted, string? subject, string? body)
    {
        var e = new AiGovernance.Core.FieldErrors();
        if (string.IsNullOrWhiteSpace(subject)) e.Add("subject", "must not be empty");
        else if (subject.Length > 300) e.Add("subject", "must be at most 300 characters");
        if (string.IsNullOrWhiteSpace(body)) e.Add("body", "must not be empty");
        else if (body.Length > 20_000) e.Add("body", "must be at most 20000 characters");
        e.ThrowIfAny();
        var node = System.Text.Json.Nodes.JsonNode.Parse(drafted.GetRawText())?.AsObject() ?? [];
        node["subject"] = subject!.Trim();
        node["body"] = body!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }

    public static async Task<RecommendationEffect> SendAsync(TenantScope scope, Recommendation rec, StoredRequisition? requisition, string deciderId,
        TimeProvider clock, CancellationToken ct)
    {
        var p = rec.EffectivePayload;
        var missing = Required.Where(k => !p.TryGetProperty(k, out var v) || v.ValueKind != JsonValueKind.String || v.GetString()!.Trim().Length == 0).ToList();
        if (missing.Count > 0)
            return RecommendationEffect.NotApplied($"the message lacks {string.Join(", ", missing)}; nothing was sent");
        string? Text(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var key = KeyFor(rec.Id);
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
