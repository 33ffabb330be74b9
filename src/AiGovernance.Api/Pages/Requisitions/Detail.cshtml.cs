using System.Text.Json;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;
using AiGovernance.Core;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Approvals;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Recommendations;
using Microsoft.AspNetCore.Mvc;

namespace AiGovernance.Api.Pages.Requisitions;

/// <summary>
/// One requisition with everything a person needs to decide it: routing and chain, documents and their
/// summaries, every flag with its reasons, the AI's pending recommendations, the decision panel and history.
/// Visibility and every decision go through the same code as the API.
/// </summary>
public sealed class DetailModel(TenantDb db, PolicyCache policies, TimeProvider clock) : WorkspacePage
{
    public RequisitionDossier Dossier { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        await using var scope = await db.BeginAsync(Me, ct);
        Dossier = await RequisitionDossier.LoadAsync(scope, Me, id, Now, ct);
    }

    /// <summary>Approve, reject or request information on the step the page showed (a step that moved on meanwhile is refused, not decided blindly).</summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid id, string? decision, string? comment, int? step, CancellationToken ct)
    {
        Me.RequirePerson();
        var kind = DecideOnRequisition.ParseDecision(decision, comment);
        await using var scope = await db.BeginAsync(Me, ct);
        var (stored, outcome) = await DecideOnRequisition.ExecuteAsync(scope, Me.AsActor(), id, kind, step, comment?.Trim(), policies, clock, ct);
        await scope.CommitAsync(ct);
        var number = stored.Requisition.Number;
        if (kind == DecisionKind.Approve)
        {
            Flash($"Approved {number} (step {outcome.StepIndex + 1}: {outcome.StepName}).");
            return Redirect("/queue");
        }
        Flash(kind == DecisionKind.Reject ? $"Rejected {number}." : $"Asked the requester of {number} for information.");
        return BackToPage();
    }

    /// <summary>Accept, edit (corrected payload) or reject (with a reason) one of the AI's recommendations; the role rules are the recommendation's own.</summary>
    public async Task<IActionResult> OnPostRecommendationAsync(Guid id, Guid recommendationId, string? decision, string? reason, string? payload,
        CancellationToken ct)
    {
        var kind = DecideOnRecommendation.ParseDecision(decision);
        var edited = kind == RecommendationDecision.Edit ? ParsePayload(payload) : (JsonElement?)null;
        await using var scope = await db.BeginAsync(Me, ct);
        var rec = await DecideOnRecommendation.ExecuteAsync(scope, new RecommendationDecider(Me.UserId, Me.Roles), recommendationId, kind,
            string.IsNullOrWhiteSpace(reason) ? null : reason, edited, clock, ct);
        await scope.CommitAsync(ct);
        Flash($"Recommendation {rec.Status.ToSnakeCase()}: {ReasonOf(rec)}");
        return BackToPage("verdict");
    }

    /// <summary>What the recommendation proposes, in words: the payload's reason, else its kind.</summary>
    public static string ReasonOf(Recommendation r) =>
        r.Payload.ValueKind == JsonValueKind.Object && r.Payload.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
            ? reason.GetString()! : r.Kind;

    /// <summary>Whether the caller's roles may decide this kind (the same rule <see cref="Recommendation.Decide"/> enforces).</summary>
    public bool MayDecide(Recommendation r) =>
        !RecommendationDeciders.ServiceAccounts.Any(Me.Roles.Contains) && RecommendationDeciders.RolesFor(r.Kind).Any(Me.Roles.Contains);

    private static JsonElement ParsePayload(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload)) throw ValidationFailedException.Single("payload", "is required for an edit: the corrected payload as JSON");
        try
        {
            using var doc = JsonDocument.Parse(payload);
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw ValidationFailedException.Single("payload", $"is not valid JSON ({ex.Message})");
        }
    }
}
