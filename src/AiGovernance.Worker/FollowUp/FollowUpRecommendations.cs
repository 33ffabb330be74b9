using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AiGovernance.Agents.FollowUp;
using AiGovernance.Core.Recommendations;
using AiGovernance.Data;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Worker.FollowUp;

/// <summary>
/// The agent's output as recommendations: each draft becomes <c>followup.message</c>, each escalation
/// <c>followup.escalation</c>. The input hash names what the draft is about (trigger, recipient, document
/// or step), not its wording, so a re-run on the same situation finds its earlier draft instead of adding one.
/// </summary>
public static class FollowUpRecommendations
{
    public const string ProducerName = "follow-up-agent";

    public static async Task<RecommendationDraft> MessageAsync(TenantScope scope, FollowUpCase @case, MessageDraft d, AgentRunLog log,
        int lifetimeHours, CancellationToken ct)
    {
        var address = d.RecipientKind == RecipientKinds.SupplierContact ? d.Recipient : (await MasterData.GetUserAsync(scope, d.Recipient, ct))?.Email;
        var trigger = @case.Triggers.FirstOrDefault(t => t.Kind == d.TriggerKind);
        var about = $"{d.TriggerKind}|{d.RecipientKind}|{d.Recipient}|{trigger?.DocumentKind}|{trigger?.StepName}";
        return new RecommendationDraft(
            RecommendationKinds.FollowUpMessage,
            new SubjectRef("requisition", @case.RequisitionId),
            Payload(new
            {
                recipient_kind = d.RecipientKind,
                recipient_id = d.Recipient,
                recipient_address = address,
                recipient_key = RecipientKeys.For(d.RecipientKind, d.Recipient),
                subject = d.Subject,
                body = d.Body,
                trigger = d.TriggerKind,
                reason = d.Reason,
            }),
            Math.Clamp(d.Confidence, 0, 1),
            Producer(log),
            [new EvidenceRef("trigger", d.TriggerKind, Clip(trigger?.Detail ?? d.Reason))],
            Hash(about),
            lifetimeHours);
    }

    public static RecommendationDraft Escalation(FollowUpCase @case, Escalation e, AgentRunLog log, int lifetimeHours) => new(
        RecommendationKinds.FollowUpEscalation,
        new SubjectRef("requisition", @case.RequisitionId),
        Payload(new { reason = e.Reason, triggers = @case.Triggers.Select(t => t.Kind) }),
        Math.Clamp(e.Confidence ?? 0, 0, 1),
        Producer(log),
        @case.Triggers.Select(t => new EvidenceRef("trigger", t.Kind, Clip(t.Detail))).ToList(),
        Hash("escalation|" + string.Join('|', @case.Triggers.Select(t => $"{t.Kind}:{t.DocumentKind}:{t.StepName}:{t.ApproverId}"))),
        lifetimeHours);

    private static RecommendationProducer Producer(AgentRunLog log) =>
        new(ProducerName, null, $"{log.PromptId}@{log.PromptVersion}; manifest {log.AgentId}@{log.ManifestVersion}");

    private static JsonElement Payload(object value) => JsonDocument.Parse(Json.Serialize(value)).RootElement.Clone();

    private static string Hash(string about) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(about)));

    private static string Clip(string s) => s.Length > 2000 ? s[..2000] : s;
}
