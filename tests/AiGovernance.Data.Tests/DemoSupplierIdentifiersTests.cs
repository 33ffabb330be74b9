using AiGovernance.Core.Checks;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Seed;

namespace AiGovernance.Data.Tests;

/// <summary>The demo suppliers' invented VAT ids and IBANs: well-formed, with valid check digits, and loaded by the seeder.</summary>
[Collection(DatabaseCollection.Name)]
public class DemoSupplierIdentifiersTests(DatabaseFixture db)
{
    [Fact]
    public void Every_demo_iban_passes_the_mod_97_check_and_every_vat_id_is_well_formed()
    {
        var suppliers = SeedResources.DemoMasterData.Suppliers;

        Assert.True(suppliers.Count(s => s.Iban is not null) >= 8, "most demo suppliers have bank details, so mismatches can be shown");
        Assert.Contains(suppliers, s => s.Iban is null); // and some have none: "not comparable"
        Assert.All(suppliers.Where(s => s.Iban is not null), s => Assert.True(SupplierMasterIdentifiers.IsValidIban(s.Iban!), $"{s.Id}: {s.Iban}"));
        Assert.All(suppliers.Where(s => s.VatId is not null), s => Assert.True(SupplierMasterIdentifiers.IsValidVatId(s.VatId!), $"{s.Id}: {s.VatId}"));
        // Invented values: the bank code DEMO marks them as not belonging to any real bank account.
        Assert.All(suppliers.Where(s => s.Iban is not null), s => Assert.Equal("DEMO", s.Iban![4..8]));
    }

    [Fact]
    public async Task Provisioning_stores_the_master_identifiers_the_comparison_reads()
    {
        var tenant = await db.NewTenantAsync("ids");
        var expected = SeedResources.DemoMasterData.Suppliers.Single(s => s.Id == "sup-trinity-biotech-plc");

        var (trinity, all) = await db.InScopeAsync(db.App, tenant.Id, async s =>
            (await SupplierIdentifiers.GetMasterAsync(s, "sup-trinity-biotech-plc", default), await SupplierIdentifiers.AllAsync(s, default)), commit: false);

        Assert.Equal(new SupplierMasterRecord(expected.Id, expected.Name, expected.VatId, expected.Iban), trinity);
        Assert.Equal(SeedResources.DemoMasterData.Suppliers.Count, all.Count);
        Assert.Equal(new SupplierIdentifiers.Identifiers(null, null), all["sup-pharmacy-direct"]);
    }
}
