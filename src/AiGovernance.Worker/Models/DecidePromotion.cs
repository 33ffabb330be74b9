using AiGovernance.Core;
using AiGovernance.Core.Models;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Models;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Worker.Models;

/// <summary>
/// The second person's decision on a promotion request. Approval names the version active in the
/// registry (running services reload it within seconds). Other pending requests of the kind were
/// compared with the old champion: approving one of them finds the champion changed and marks it
/// superseded (409) instead — checked against the registry itself, not by sweeping the table, so
/// hosts with separate registries (tests) never supersede each other's requests. Commits the scope
/// itself, because the registry file and the database must change together (see <see cref="RegistrySwitch"/>).
/// </summary>
public static class DecidePromotion
{
    public static async Task<ModelPromotion> ApproveAsync(TenantScope scope, ModelRegistry registry, PromotionActor actor, long id, string? reason,
        TimeProvider clock, CancellationToken ct)
    {
        var p = await LoadLockedAsync(scope, id, ct);
        var now = clock.GetUtcNow();
        var current = registry.ActiveVersion(p.Kind);
        try
        {
            p.Approve(actor.UserId, actor.Roles, string.IsNullOrWhiteSpace(reason) ? null : PromotionRules.RequireReason(reason), current, now);
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.Forbidden)
        {
            await PromotionLog.AppendAsync(scope, DecisionLogKinds.ModelPromotionRefused, actor.UserId, p, clock, ct, new { code = ex.Code, message = ex.Message });
            await scope.CommitAsync(ct);
            throw;
        }
        catch (DomainException ex) when (ex.Code == "promotion_superseded" && p.Status == PromotionStatus.Requested)
        {
            // The champion changed since the request: record that the request is stale, then tell the caller.
            p.Supersede(actor.UserId, ex.Message, now);
            await PromotionStore.SaveDecisionAsync(scope, p, ct);
            await PromotionLog.AppendAsync(scope, DecisionLogKinds.ModelPromotionSuperseded, actor.UserId, p, clock, ct);
            await scope.CommitAsync(ct);
            throw;
        }
        RequestPromotion.RequireModel(registry, p.Kind, p.Version);
        await PromotionStore.SaveDecisionAsync(scope, p, ct);
        await PromotionLog.AppendAsync(scope, DecisionLogKinds.ModelPromotionApproved, actor.UserId, p, clock, ct);
        await PromotionLog.AppendAsync(scope, DecisionLogKinds.ModelActivated, actor.UserId, p, clock, ct,
            new { previous_version = current, active_version = p.Version });
        await RegistrySwitch.SetActiveAndCommitAsync(scope, registry, p.Kind, p.Version, current, ct);
        return p;
    }

    public static async Task<ModelPromotion> RejectAsync(TenantScope scope, PromotionActor actor, long id, string? reason, TimeProvider clock,
        CancellationToken ct)
    {
        var why = PromotionRules.RequireReason(reason);
        var p = await LoadLockedAsync(scope, id, ct);
        p.Reject(actor.UserId, actor.Roles, why, clock.GetUtcNow());
        await PromotionStore.SaveDecisionAsync(scope, p, ct);
        await PromotionLog.AppendAsync(scope, DecisionLogKinds.ModelPromotionRejected, actor.UserId, p, clock, ct);
        await scope.CommitAsync(ct);
        return p;
    }

    /// <summary>The kind's lock first, then the row, in the same order as requests and rollbacks take them.</summary>
    private static async Task<ModelPromotion> LoadLockedAsync(TenantScope scope, long id, CancellationToken ct)
    {
        var kind = (await PromotionStore.GetAsync(scope, id, ct))?.Kind ?? throw NotFound(id);
        await PromotionStore.LockKindAsync(scope, kind, ct);
        return await PromotionStore.LoadForUpdateAsync(scope, id, ct) ?? throw NotFound(id);
    }

    private static DomainException NotFound(long id) => DomainException.NotFound("promotion_not_found", $"Promotion {id} was not found.");
}
