using AiGovernance.Core;
using AiGovernance.Core.Approvals;
using AiGovernance.Data.Approvals;
using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Directory;

public sealed record CostCentreRecord(string Code, string Name, string LegalEntity, string? OwnerId);

/// <summary>
/// Who owns a cost centre (the person <c>cost_centre_owner</c> steps go to), and setting it: an admin's action, for the
/// API and the administration page alike, logged as <c>cost_centre_owner_set</c> with the suggestion it followed.
/// </summary>
public static class CostCentreOwners
{
    public static async Task<IReadOnlyList<CostCentreRecord>> ListAsync(TenantScope scope, CancellationToken ct)
    {
        await using var cmd = scope.Command("SELECT code, name, legal_entity, owner_id FROM cost_centres ORDER BY code");
        var list = new List<CostCentreRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new CostCentreRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        return list;
    }

    public static async Task<CostCentreRecord> GetAsync(TenantScope scope, string code, CancellationToken ct, bool forUpdate = false)
    {
        await using var cmd = scope.Command($"SELECT code, name, legal_entity, owner_id FROM cost_centres WHERE code = $1{(forUpdate ? " FOR UPDATE" : "")}");
        cmd.Parameters.AddWithValue(code);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new CostCentreRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3))
            : throw DomainException.NotFound("cost_centre_not_found", $"Cost centre '{code}' was not found.");
    }

    /// <summary>
    /// Sets the owner. The new owner must be an active user holding a role that may approve under the active policy
    /// (otherwise every owner step would be refused on authority). When the admin followed a suggestion, its rank as
    /// shown and the ranking recomputed now (rank, score, reasons) go into the log entry.
    /// </summary>
    public static async Task<(CostCentreRecord Before, CostCentreRecord After, AppliedSuggestion? Suggestion)> SetOwnerAsync(TenantScope scope,
        string actorId, string code, string? ownerId, int? suggestionRank, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(ownerId)) errors.Add("owner_id", "is required");
        if (suggestionRank is < 1) errors.Add("suggestion_rank", "must be 1 or more");
        errors.ThrowIfAny();
        var before = await GetAsync(scope, code, ct, forUpdate: true);
        var owner = await MasterData.GetUserAsync(scope, ownerId!, ct);
        if (owner is not { Active: true }) throw ValidationFailedException.Single("owner_id", $"unknown or inactive user '{ownerId}'");
        var policy = await PolicyStore.GetActiveAsync(scope, PolicyCache.Shared, ct)
            ?? throw DomainException.Conflict("no_active_policy", "The tenant has no active policy.");
        var approving = ApproverSuggestionRules.ApprovingRoles(policy.Policy);
        if (!owner.Roles.Any(approving.ContainsKey))
            throw ValidationFailedException.Single("owner_id",
                $"{owner.Id} holds no role that may approve under the active policy (one of {string.Join(", ", approving.Keys.Order(StringComparer.Ordinal))})");
        if (before.OwnerId == owner.Id)
            throw DomainException.Conflict("cost_centre_owner_unchanged", $"{owner.Id} already owns cost centre {code}.");

        AppliedSuggestion? applied = null;
        if (suggestionRank is { } stated)
        {
            var answer = await SuggestApprovers.ForCostCentreOwnerAsync(scope, code, SuggestApprovers.DefaultWindowDays, clock, ct, top: int.MaxValue);
            applied = AppliedSuggestion.From(answer, owner.Id, stated);
        }

        await using (var cmd = scope.Command("UPDATE cost_centres SET owner_id = $2 WHERE code = $1"))
        {
            cmd.Parameters.AddWithValue(code);
            cmd.Parameters.AddWithValue(owner.Id);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.CostCentreOwnerSet, actorId, "cost_centre", code,
            new { cost_centre = code, previous_owner = before.OwnerId, owner = owner.Id, suggestion = applied }), clock, ct);
        return (before, before with { OwnerId = owner.Id }, applied);
    }
}
