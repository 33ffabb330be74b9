using System.Text.Json;

namespace AiGovernance.Core.Exceptions;

/// <summary>A decision-log entry as the exception projector reads it.</summary>
public sealed record LoggedEvent(long Seq, string Kind, string Actor, string? SubjectType, string? SubjectId, JsonElement Payload, DateTimeOffset RecordedAt);

/// <summary>Something a person must look at, raised once per <see cref="DedupKey"/>.</summary>
public sealed record RaisedException(string DedupKey, string Type, string SubjectType, string SubjectId, Guid? RequisitionId, string Title,
    JsonElement Evidence, double? Confidence);

/// <summary>The event that makes open exceptions moot (the hold lifted, the flag decided): closes every open one whose key starts so.</summary>
public sealed record ClosedBy(string DedupKeyPrefix, bool Confirmed, string Resolution);

/// <summary>
/// Which decision-log entries raise or close exceptions. Everything that needs a person is already in the
/// tamper-evident log, so exceptions are a projection of it: nothing is raised that the log does not
/// show, and a restarted projector picks up exactly where its checkpoint is.
/// </summary>
public static class ExceptionEvents
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "recommendation", "recommendation_outcome", "requisition_on_hold", "hold_released", "check_flagged", "post_review_created",
        "post_review_completed", "sla_breached", "escalation", "outbox_dead_lettered", "outbox_redelivered", "webhook_rejected",
        "document_addresses_ai", "supplier_master_mismatch",
    };

    public static (IReadOnlyList<RaisedException> Raised, IReadOnlyList<ClosedBy> Closed) Map(LoggedEvent e)
    {
        var raised = new List<RaisedException>();
        var closed = new List<ClosedBy>();
        var p = e.Payload;
        var requisitionId = Guid(p, "requisition_id");
        switch (e.Kind)
        {
            case "recommendation" when Str(p, "kind") == "requisition.category":
            {
                // A category suggestion is an exception only when it would change who approves: mis-categorising to
                // dodge a threshold is the evasion worth a person's time; a cosmetic correction is not.
                var inner = p.TryGetProperty("payload", out var ip) ? ip : default;
                if (!(inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty("changes_chain", out var cc) && cc.ValueKind == JsonValueKind.True)) break;
                var subjectId = p.TryGetProperty("subject", out var s) ? Str(s, "id") : null;
                raised.Add(new(Key("rec", Str(p, "recommendation_id")!), ExceptionTypes.CategoryChangesChain, "requisition", subjectId ?? "", Guid(subjectId),
                    Str(inner, "reason") ?? $"Category '{Str(inner, "given")}' looks like '{Str(inner, "suggested")}', which is routed differently",
                    p.Clone(), Double(p, "confidence")));
                break;
            }
            case "supplier_master_mismatch":
                raised.Add(new(Key("supplier-master", requisitionId?.ToString() ?? e.SubjectId ?? ""), ExceptionTypes.SupplierMasterMismatch, "requisition",
                    e.SubjectId ?? "", requisitionId, Str(p, "summary") ?? "The supplier's stated details disagree with the supplier master", p.Clone(), null));
                break;
            case "recommendation" when Str(p, "kind") is "requisition.hold" or "requisition.note" or "followup.escalation":
            {
                var id = Str(p, "recommendation_id")!;
                var inner = p.TryGetProperty("payload", out var ip) ? ip : default;
                var subjectId = p.TryGetProperty("subject", out var s) ? Str(s, "id") : null;
                var type = Str(p, "kind") == "followup.escalation" ? ExceptionTypes.MissingInformation
                    : ExceptionTypes.ForRecommendation(Str(inner, "detector"), p.TryGetProperty("producer", out var pr) ? Str(pr, "name") : null, Str(inner, "check"));
                raised.Add(new(Key("rec", id), type, "requisition", subjectId ?? "", Guid(subjectId),
                    Str(inner, "reason") ?? Str(inner, "summary") ?? ExceptionTypes.All[type].Label, p.Clone(), Double(p, "confidence")));
                break;
            }
            case "recommendation_outcome":
            {
                var decision = Str(p, "decision");
                closed.Add(new(Key("rec", Str(p, "recommendation_id") ?? ""), decision is "accept" or "edit",
                    $"The AI recommendation was {Past(decision)} by {e.Actor}{(Str(p, "reason") is { } r ? ": " + r : "")}"));
                break;
            }
            case "requisition_on_hold" or "check_flagged":
                foreach (var reason in Reasons(p, e.Kind == "check_flagged" ? "flags" : "hold_reasons"))
                    if (ExceptionTypes.ForCheckCode(reason.Code) is { } type)
                        raised.Add(new(Key("check", $"{requisitionId}:{reason.Code}"), type, "requisition", e.SubjectId ?? "", requisitionId, reason.Text, p.Clone(), null));
                break;
            case "hold_released":
                closed.Add(new(Key("check", $"{requisitionId}:"), true, $"The hold was released ({Str(p, "trigger") ?? e.Actor})"));
                break;
            case "post_review_created":
                raised.Add(new(Key("post-review", requisitionId?.ToString() ?? e.SubjectId ?? ""), ExceptionTypes.EmergencyReview, "requisition", e.SubjectId ?? "",
                    requisitionId, Str(p, "reason") ?? "Emergency purchase awaiting its after-the-fact review", p.Clone(), null));
                break;
            case "post_review_completed":
                closed.Add(new(Key("post-review", requisitionId?.ToString() ?? e.SubjectId ?? ""), true, $"Reviewed after the fact by {e.Actor}"));
                break;
            case "sla_breached" or "escalation":
            {
                var type = e.Kind == "sla_breached" ? ExceptionTypes.SlaBreach : ExceptionTypes.Escalation;
                var step = p.TryGetProperty("step", out var st) ? st.ToString() : "?";
                raised.Add(new(Key(e.Kind, $"{e.SubjectId}:{step}"), type, "requisition", e.SubjectId ?? "", requisitionId,
                    $"{(type == ExceptionTypes.SlaBreach ? "SLA breached" : "Escalated")} at step {step} ({Str(p, "step_name") ?? "?"})", p.Clone(), null));
                break;
            }
            case "outbox_dead_lettered":
            {
                var topic = Str(p, "topic") ?? "";
                var type = topic.StartsWith("po.", StringComparison.Ordinal) ? ExceptionTypes.PoReleaseDeadLettered : ExceptionTypes.DeliveryDeadLettered;
                raised.Add(new(Key("dead-letter", Str(p, "message_id") ?? e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)), type,
                    e.SubjectType ?? "message", e.SubjectId ?? "", requisitionId, $"{topic} gave up after {Str(p, "attempts") ?? "?"} attempts: {Str(p, "last_error")}", p.Clone(), null));
                break;
            }
            case "outbox_redelivered":
                closed.Add(new(Key("dead-letter", Str(p, "message_id") ?? ""), true, $"Redelivery requested by {e.Actor}"));
                break;
            case "webhook_rejected":
                raised.Add(new(Key("webhook", e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)), ExceptionTypes.WebhookRejected, "webhook",
                    Str(p, "event_id") ?? e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                    $"ERP webhook rejected: {Str(p, "code") ?? Str(p, "reason") ?? "see evidence"}", p.Clone(), null));
                break;
            case "document_addresses_ai":
                raised.Add(new(Key("doc-ai", Str(p, "document_id") ?? e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)), ExceptionTypes.DocumentAddressesAi,
                    e.SubjectType ?? "document", e.SubjectId ?? "", requisitionId ?? Guid(e.SubjectType == "requisition" ? e.SubjectId : null),
                    "A document contains instructions addressed to an AI", p.Clone(), null));
                break;
        }
        return (raised, closed);
    }

    private static string Key(string source, string id) => $"{source}:{id}";

    private static string Past(string? decision) => decision switch { "accept" => "accepted", "edit" => "accepted with edits", "reject" => "rejected", _ => decision ?? "decided" };

    private static IEnumerable<(string Code, string Text)> Reasons(JsonElement p, string property)
    {
        if (!p.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array) yield break;
        foreach (var r in list.EnumerateArray())
            if (Str(r, "code") is { } code) yield return (code, Str(r, "text") ?? code);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => v.ToString(),
        } : null;

    private static double? Double(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static Guid? Guid(JsonElement e, string name) => Guid(Str(e, name));

    private static Guid? Guid(string? s) => System.Guid.TryParse(s, out var g) ? g : null;
}
