using AiGovernance.Core;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Data.Models;

/// <summary>
/// Model versions belong to the whole deployment, yet every caller belongs to a tenant. The deployment
/// names one tenant (by slug) whose people run the models — the MSP's own, or the single client of a
/// single-tenant deployment; only they see and change promotions, and their tenant's decision log
/// records each step. Unset, nobody can promote: a client tenant's admin never changes the model that
/// scores every other client.
/// </summary>
public static class OperatorTenant
{
    public const string SettingKey = "Governance:Models:OperatorTenant";

    public static async Task RequireAsync(TenantScope scope, string? operatorSlug, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(operatorSlug))
            throw DomainException.Forbidden("operator_tenant_not_configured",
                $"Model promotions are deployment-wide; set {SettingKey} to the tenant whose people run the models.");
        await using var cmd = scope.Command("SELECT slug FROM tenants WHERE id = $1");
        cmd.Parameters.AddWithValue(scope.TenantId);
        var slug = (string?)await cmd.ExecuteScalarAsync(ct);
        if (!string.Equals(slug, operatorSlug, StringComparison.Ordinal))
            throw DomainException.Forbidden("operator_tenant_required",
                "Model versions are shared by every tenant of this deployment; only users of the operator tenant may promote or roll back.");
    }

    /// <summary>The operator tenant's id, for actors without a token (the retraining scheduler).</summary>
    public static async Task<Guid> ResolveAsync(NpgsqlDataSource db, string? operatorSlug, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(operatorSlug))
            throw DomainException.Forbidden("operator_tenant_not_configured", $"Set {SettingKey}: retraining files its requests in that tenant's decision log.");
        await using var cmd = db.CreateCommand("SELECT tenant_id_by_slug($1)");
        cmd.Parameters.AddWithValue(operatorSlug);
        return await cmd.ExecuteScalarAsync(ct) is Guid id ? id
            : throw DomainException.NotFound("operator_tenant_not_found", $"{SettingKey} names '{operatorSlug}', which is no tenant.");
    }
}
