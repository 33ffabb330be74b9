using AiGovernance.Core.Requisitions;

namespace AiGovernance.Data.Seed;

/// <summary>
/// Two of the demo's live requisitions show the triage inputs of issue 8: the last is bought for a customer
/// order promised in five days; the first whose supplier has bank details on file states that supplier with
/// another supplier's (invented) IBAN, so the inbox has a supplier master mismatch to look at; and the second, an HIV
/// test kit, is coded as an ARV drug, which skips the default policy's diagnostics quality review — the category
/// detector suggests the right category and, because it changes the chain, the inbox has that exception too.
/// </summary>
public sealed class DemoTriageCases(int count, TimeProvider clock)
{
    public const string CustomerOrder = "SO-DEMO-0001";
    public const int MiscodedIndex = 1;

    private bool _mismatchShown;

    public RequisitionDraft Apply(int index, RequisitionDraft draft)
    {
        if (index == MiscodedIndex && draft.Category == "Diagnostics-HIV") draft = draft with { Category = "Pharmaceuticals-ARV" };
        if (index == count - 1)
            return draft with { CustomerOrder = CustomerOrder, PromisedDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(5) };
        var suppliers = SeedResources.DemoMasterData.Suppliers;
        var own = suppliers.Single(s => s.Id == draft.SupplierId);
        if (_mismatchShown || own.Iban is null) return draft;
        _mismatchShown = true;
        var foreignIban = suppliers.First(s => s.Iban is not null && s.Iban != own.Iban).Iban;
        return draft with { StatedSupplier = new StatedSupplier(own.Name, own.VatId, foreignIban) };
    }
}
