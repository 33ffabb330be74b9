using AiGovernance.Core;
using AiGovernance.Core.Models;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Models;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Worker.Models;

/// <summary>
/// Filing a promotion request: the challenger is compared with the champion on the primary metric and a
/// worse one is refused unless an override reason is given. Nothing changes in the registry yet.
/// The API, the CLI and the retraining scheduler all come through here.
/// </summary>
public static class RequestPromotion
{
    /// <summary>Kinds with a trained model in the registry (split purchase is rule-based).</summary>
    public static readonly IReadOnlyList<string> Kinds = [Data.Detection.Detectors.Duplicate, Data.Detection.Detectors.PriceVariance, Detection.CategoryScoring.Detector, Ml.Triage.ExceptionProbabilityModel.Kind];

    public static async Task<ModelPromotion> ExecuteAsync(TenantScope scope, ModelRegistry registry, PromotionActor actor, string kind, string version,
        string? reason, string? overrideReason, TimeProvider clock, CancellationToken ct)
    {
        PromotionRules.RequireRole(actor.Roles, PromotionRules.Requesters);
        var errors = new FieldErrors();
        if (!Kinds.Contains(kind, StringComparer.Ordinal)) errors.Add("kind", $"must be one of {string.Join(", ", Kinds)}");
        if (string.IsNullOrWhiteSpace(version)) errors.Add("version", "is required");
        errors.ThrowIfAny();
        var why = PromotionRules.RequireReason(reason);
        var overriding = string.IsNullOrWhiteSpace(overrideReason) ? null : PromotionRules.RequireReason(overrideReason, "override_reason");
        RequireModel(registry, kind, version);

        await PromotionStore.LockKindAsync(scope, kind, ct);
        var champion = registry.ActiveVersion(kind);
        if (champion == version)
            throw DomainException.Conflict("model_version_already_active", $"{kind} {version} is already the active version.");
        var promotion = new ModelPromotion
        {
            Kind = kind, Version = version, FromVersion = champion, RequestedBy = actor.UserId, RequestedAt = clock.GetUtcNow(),
            Reason = why, OverrideReason = overriding, Comparison = ModelMetricsReader.Compare(registry, kind, version, champion),
        };
        try
        {
            PromotionRules.CheckChallenger(promotion.Comparison, overriding);
        }
        catch (DomainException ex)
        {
            // The refusal is itself on record: who tried to promote a worse model, and by how much.
            await PromotionLog.AppendAsync(scope, DecisionLogKinds.ModelPromotionRefused, actor.UserId, promotion, clock, ct,
                new { code = ex.Code, message = ex.Message });
            await scope.CommitAsync(ct);
            throw;
        }
        var stored = WithId(promotion, await PromotionStore.InsertAsync(scope, promotion, ct));
        await PromotionLog.AppendAsync(scope, DecisionLogKinds.ModelPromotionRequested, actor.UserId, stored, clock, ct);
        return stored;
    }

    /// <summary>A version that cannot be loaded is never filed: the approver would activate nothing.</summary>
    public static void RequireModel(ModelRegistry registry, string kind, string version)
    {
        if (version.Contains('/') || version.Contains('\\') || version.Contains("..", StringComparison.Ordinal)
            || !File.Exists(Path.Combine(registry.DirectoryOf(kind, version), "model.zip")))
            throw DomainException.NotFound("model_version_not_found", $"{kind} version {version} has no model.zip in the registry.");
    }

    private static ModelPromotion WithId(ModelPromotion p, long id) => new()
    {
        Id = id, Kind = p.Kind, Version = p.Version, FromVersion = p.FromVersion, RequestedBy = p.RequestedBy, RequestedAt = p.RequestedAt,
        Reason = p.Reason, OverrideReason = p.OverrideReason, Comparison = p.Comparison,
    };
}
