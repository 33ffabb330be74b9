using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;
using AiGovernance.Data.Webhooks;

namespace AiGovernance.Data.Recommendations;

/// <summary>
/// An accepted (or edited) <c>requisition.category</c> recommendation: the requisition takes the category and is routed
/// again through the tenant's active policy by the same re-route the ERP's line changes use (new chain, approvals
/// already given are void, supplier and budget checks run again), all in the deciding transaction.
/// </summary>
public static class RecodeRequisitionCategory
{
    public static async Task<RecommendationEffect> ApplyAsync(TenantScope scope, Recommendation rec, StoredRequisition? stored, string deciderId,
        TimeProvider clock, CancellationToken ct)
    {
        if (stored?.Requisition is not { } r) return RecommendationEffect.NotApplied($"requisition {rec.SubjectId} no longer exists");
        // An editing reviewer names the category they chose as "category" (or changes "suggested").
        var category = CategoryOf(rec.EffectivePayload)
            ?? throw ValidationFailedException.Single("payload.suggested", "must name the category to apply (a non-empty string)");
        if (!r.LinesMayChange)
            return RecommendationEffect.NotApplied($"requisition {r.Number} is {r.Status.ToSnakeCase()}; its category can no longer change");
        var before = r.Category;
        if (string.Equals(before.Trim(), category.Trim(), StringComparison.Ordinal))
            return RecommendationEffect.NotApplied($"requisition {r.Number} is already coded '{before}'");

        var recoded = r.WithCategory(category);
        var route = await RerouteRequisition.RouteAsync(scope, recoded, recoded.Lines, PolicyCache.Shared, clock, ct, deciderId,
            $"category changed from '{before}' to '{recoded.Category}' (recommendation {rec.Id})");
        await RequisitionStore.SaveRoutingAsync(scope, route.Requisition, route.RoutingJson, clock.GetUtcNow(), ct);
        await RerouteRequisition.CheckAsync(scope, route, clock, ct, deciderId);
        var after = route.Requisition;
        return new RecommendationEffect(true, null, "requisition.category", new Dictionary<string, string?>
        {
            ["requisition_id"] = r.Id.ToString(),
            ["requisition_number"] = r.Number,
            ["category_before"] = before,
            ["category_after"] = after.Category,
            ["status_before"] = r.Status.ToSnakeCase(),
            ["status_after"] = after.Status.ToSnakeCase(),
            ["chain_after"] = string.Join(" → ", after.Steps.Select(s => s.Name)),
        });
    }

    private static string? CategoryOf(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in new[] { "category", "suggested" })
            if (payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim() is { Length: > 0 } text)
                return text;
        return null;
    }
}
