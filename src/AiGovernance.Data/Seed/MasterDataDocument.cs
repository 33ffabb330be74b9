namespace AiGovernance.Data.Seed;

/// <summary>A tenant's master data as a JSON document (datasets/demo-tenant/master-data.json has the shape).</summary>
public sealed record MasterDataDocument(
    MasterDataDocument.TenantDoc Tenant,
    IReadOnlyList<MasterDataDocument.LegalEntityDoc> LegalEntities,
    IReadOnlyList<MasterDataDocument.CostCentreDoc> CostCentres,
    IReadOnlyList<MasterDataDocument.UserDoc> Users,
    IReadOnlyList<MasterDataDocument.SupplierDoc> Suppliers,
    IReadOnlyList<MasterDataDocument.BudgetDoc> Budgets)
{
    public sealed record TenantDoc(string Slug, string Name, string BaseCurrency);
    public sealed record LegalEntityDoc(string Code, string Name);
    public sealed record CostCentreDoc(string Code, string Name, string LegalEntity, string? Owner);
    public sealed record UserDoc(string Id, string Name, string Email, IReadOnlyList<string> Roles);
    /// <summary>VAT id and IBAN are optional (the demo's are invented, with valid check digits); stored compact and upper-case.</summary>
    public sealed record SupplierDoc(string Id, string Name, string RiskTier, string Status, string? VatId = null, string? Iban = null);
    public sealed record BudgetDoc(string CostCentre, string Period, decimal Amount, string Currency);
}
