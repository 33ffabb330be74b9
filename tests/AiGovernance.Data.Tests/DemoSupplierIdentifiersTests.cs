using AiGovernance.Core.Checks;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Policies;
using AiGovernance.Data.Requisitions;
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

    [Fact]
    public async Task The_demo_shows_one_customer_commitment_and_one_supplier_master_mismatch()
    {
        var tenant = await db.NewTenantAsync("demo-cases");
        var draft = new RequisitionDraft("LE-EU", "CC-EU-PHARMA", "sup-orgenics-ltd", "Pharmaceuticals-ARV", "EUR", Urgency.Normal, null,
            [new RequisitionLine("ITM-1", "Test kit", 10, "pack", 120m)], [], null);

        var cases = new DemoTriageCases(8, TimeProvider.System);
        var noBankDetails = draft with { SupplierId = "sup-pharmacy-direct" };
        Assert.Same(noBankDetails, cases.Apply(0, noBankDetails)); // nothing to compare an IBAN with
        var mismatching = cases.Apply(1, draft);
        Assert.Same(draft, cases.Apply(2, draft)); // one mismatch is enough for the demo
        var committed = cases.Apply(7, draft);
        Assert.Equal(DemoTriageCases.CustomerOrder, committed.CustomerOrder);
        Assert.NotNull(committed.PromisedDate);

        var kinds = await db.InScopeAsync(db.App, tenant.Id, async s =>
        {
            await SubmitRequisition.ExecuteAsync(s, "u-anna", mismatching, new PolicyCache(), TimeProvider.System, default);
            await using var cmd = s.Command("SELECT payload->'mismatches'->0->>'field' FROM decision_log WHERE kind = 'supplier_master_mismatch'");
            return (string?)await cmd.ExecuteScalarAsync();
        });
        Assert.Equal("iban", kinds);
    }
}
