using System.Text.Json;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;
using AiGovernance.Core;
using AiGovernance.Core.Recommendations;
using AiGovernance.Data.Outbox;
using AiGovernance.Data.Recommendations;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Pages.FollowUps;

/// <summary>
/// The follow-up agent's drafts at the human checkpoint: accept, edit (subject and body) or reject with a reason,
/// through the same use case as the API; below, what was sent and when, and what was rejected and why.
/// </summary>
public sealed class IndexModel(TenantDb db, TimeProvider clock) : WorkspacePage
{
    public const int Limit = 200;

    public IReadOnlyList<FollowUpDraft> Pending { get; private set; } = [];
    public IReadOnlyList<FollowUpDraft> Sent { get; private set; } = [];
    public IReadOnlyList<FollowUpDraft> NotSent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        RequireRole(WorkspaceNav.FollowUps.Roles);
        await using var scope = await db.BeginAsync(Me, ct);
        var (pending, decided) = await FollowUpDrafts.ListAsync(scope, Limit, ct);
        Pending = pending;
        Sent = decided.Where(d => d.Recommendation.TakesEffect).ToList();
        NotSent = decided.Where(d => !d.Recommendation.TakesEffect).ToList();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        DecideAsync(id, RecommendationDecision.Accept, null, null, ct);

    /// <summary>The person's wording replaces the draft's; the reason says why, as the API requires for an edit.</summary>
    public Task<IActionResult> OnPostEditAsync(Guid id, string? subject, string? body, string? reason, CancellationToken ct) =>
        DecideAsync(id, RecommendationDecision.Edit, reason, drafted => FollowUpMessages.WithText(drafted, subject, body), ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken ct) =>
        DecideAsync(id, RecommendationDecision.Reject, reason, null, ct);

    private async Task<IActionResult> DecideAsync(Guid id, RecommendationDecision decision, string? reason, Func<JsonElement, JsonElement>? edit,
        CancellationToken ct)
    {
        RequireRole(WorkspaceNav.FollowUps.Roles);
        await using var scope = await db.BeginAsync(Me, ct);
        // This page decides follow-ups only; other kinds have their own pages and reviewers.
        var rec = await RecommendationStore.GetAsync(scope, id, ct) is { } r && FollowUpDrafts.Kinds.Contains(r.Kind) ? r
            : throw DomainException.NotFound("recommendation_not_found", $"There is no follow-up draft {id}.");
        var edited = edit?.Invoke(rec.Payload);
        // Role, separation of duties, reason and state checks, the effect (the outbox message) and the log entry: all in the use case.
        var decided = await DecideOnRecommendation.ExecuteAsync(scope, new RecommendationDecider(Me.UserId, Me.Roles), id, decision, reason, edited, clock, ct);
        await scope.CommitAsync(ct);
        Flash(decision switch
        {
            RecommendationDecision.Reject => "Draft rejected; it will not be sent.",
            _ when decided.Kind == RecommendationKinds.FollowUpEscalation => "Escalation acknowledged.",
            _ when decided.Effect is { Applied: false } e => $"Accepted, but nothing was sent: {e.Why}.",
            RecommendationDecision.Edit => "Edited draft accepted; it goes out with the next outbox run.",
            _ => "Draft accepted; it goes out with the next outbox run.",
        });
        return BackToPage(decision == RecommendationDecision.Reject ? "not-sent" : "sent");
    }

    public static string Text(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    /// <summary>pending (not tried yet) → sent, or failed (retrying) → dead-lettered: how the outbox row reads to a person.</summary>
    public static (string Label, string Css) Delivery(OutboxMessage? m) => m switch
    {
        null => ("not queued", "low"),
        { Status: OutboxStatus.Delivered } => ("sent", "none"),
        { Status: OutboxStatus.Dead } => ("dead-lettered", "high"),
        { Attempts: > 0 } => ("failed, retrying", "medium"),
        _ => ("pending", "low"),
    };

    public static string When(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
