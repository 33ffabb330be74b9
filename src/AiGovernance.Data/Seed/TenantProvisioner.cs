using AiGovernance.Data.DecisionLog;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Data.Seed;

/// <summary>Creates a tenant with its master data and an active policy, in one transaction.</summary>
public static class TenantProvisioner
{
    /// <summary>Runs as the schema owner (RLS is forced, so every insert still goes through the tenant's policy).</summary>
    public static async Task<TenantRecord> CreateAsync(NpgsqlDataSource ownerDb, MasterDataDocument doc, string policyYaml, TimeProvider clock,
        Func<TenantScope, Task>? thenInSameTransaction = null, CancellationToken ct = default)
    {
        var tenant = new TenantRecord(Guid.CreateVersion7(clock.GetUtcNow()), doc.Tenant.Slug, doc.Tenant.Name, doc.Tenant.BaseCurrency);
        await using var scope = await TenantScope.BeginAsync(ownerDb, tenant.Id, ct);
        await Exec(scope, "INSERT INTO tenants (id, slug, name, base_currency) VALUES ($1, $2, $3, $4)", tenant.Id, tenant.Slug, tenant.Name, tenant.BaseCurrency);
        foreach (var le in doc.LegalEntities)
            await Exec(scope, "INSERT INTO legal_entities (tenant_id, code, name) VALUES ($1, $2, $3)", tenant.Id, le.Code, le.Name);
        foreach (var u in doc.Users)
            await Exec(scope, "INSERT INTO app_users (tenant_id, id, name, email, roles) VALUES ($1, $2, $3, $4, $5)", tenant.Id, u.Id, u.Name, u.Email, u.Roles.ToArray());
        foreach (var cc in doc.CostCentres)
            await Exec(scope, "INSERT INTO cost_centres (tenant_id, code, name, legal_entity, owner_id) VALUES ($1, $2, $3, $4, $5)",
                tenant.Id, cc.Code, cc.Name, cc.LegalEntity, (object?)cc.Owner ?? DBNull.Value);
        foreach (var s in doc.Suppliers)
            await Exec(scope, "INSERT INTO suppliers (tenant_id, id, name, risk_tier, status, vat_id, iban) VALUES ($1, $2, $3, $4, $5, $6::text, $7::text)",
                tenant.Id, s.Id, s.Name, s.RiskTier, s.Status, Identifier(s.VatId), Identifier(s.Iban));
        foreach (var b in doc.Budgets)
            await Exec(scope, "INSERT INTO budgets (tenant_id, cost_centre, period, amount, currency) VALUES ($1, $2, $3, $4, $5)", tenant.Id, b.CostCentre, b.Period, b.Amount, b.Currency);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.TenantCreated, "system", "tenant", tenant.Slug,
            new { tenant.Slug, tenant.Name, users = doc.Users.Count, suppliers = doc.Suppliers.Count }), clock, ct);
        var version = await PolicyStore.UploadAsync(scope, policyYaml, "system", clock, ct);
        await PolicyStore.ActivateAsync(scope, version.Version, "system", clock, ct);
        if (thenInSameTransaction is not null) await thenInSameTransaction(scope);
        await scope.CommitAsync(ct);
        return tenant;
    }

    private static object Identifier(string? value) =>
        string.IsNullOrWhiteSpace(value) ? DBNull.Value : Core.Checks.SupplierMasterIdentifiers.Compact(value);

    private static async Task Exec(TenantScope scope, string sql, params object[] args)
    {
        await using var cmd = scope.Command(sql);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        await cmd.ExecuteNonQueryAsync();
    }
}
