using AiGovernance.Core;
using AiGovernance.Core.Models;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Models;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Worker.Models;

/// <summary>
/// Undoing the promotion that made the current version active: the registry returns to the version that
/// was active before it. One person may do this (it restores a state two people already accepted).
/// Rolling back again undoes the promotion before that, if the registry got there by one.
/// </summary>
public static class RollbackModel
{
    public static async Task<ModelPromotion> ExecuteAsync(TenantScope scope, ModelRegistry registry, PromotionActor actor, string kind, string? reason,
        TimeProvider clock, CancellationToken ct)
    {
        PromotionRules.RequireRole(actor.Roles, PromotionRules.RollbackRoles);
        if (!RequestPromotion.Kinds.Contains(kind, StringComparer.Ordinal))
            throw ValidationFailedException.Single("kind", $"must be one of {string.Join(", ", RequestPromotion.Kinds)}");
        var why = PromotionRules.RequireReason(reason);
        await PromotionStore.LockKindAsync(scope, kind, ct);
        var current = registry.ActiveVersion(kind)
            ?? throw DomainException.Conflict("nothing_to_roll_back", $"No {kind} version is active.");
        var p = await PromotionStore.ActivePromotionForUpdateAsync(scope, kind, current, ct)
            ?? throw DomainException.Conflict("nothing_to_roll_back",
                $"{kind} {current} was not made active by an approved promotion (e.g. `aigov models activate`); there is no recorded previous version.");
        p.RollBack(actor.UserId, actor.Roles, why, clock.GetUtcNow());
        RequestPromotion.RequireModel(registry, kind, p.FromVersion!);
        await PromotionStore.SaveDecisionAsync(scope, p, ct);
        await PromotionLog.AppendAsync(scope, DecisionLogKinds.ModelRolledBack, actor.UserId, p, clock, ct,
            new { previous_version = current, active_version = p.FromVersion });
        await RegistrySwitch.SetActiveAndCommitAsync(scope, registry, kind, p.FromVersion!, current, ct);
        return p;
    }
}

/// <summary>
/// The registry is a file and the promotion a row; they cannot share a transaction. The file is written
/// last before the commit, so a failed write rolls the row back; a failed commit puts the file back.
/// </summary>
internal static class RegistrySwitch
{
    public static async Task SetActiveAndCommitAsync(TenantScope scope, ModelRegistry registry, string kind, string version, string? previous,
        CancellationToken ct)
    {
        registry.SetActive(kind, version);
        try
        {
            await scope.CommitAsync(ct);
        }
        catch
        {
            if (previous is not null) registry.SetActive(kind, previous);
            throw;
        }
    }
}
