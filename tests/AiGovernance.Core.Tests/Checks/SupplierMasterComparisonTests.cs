using AiGovernance.Core.Checks;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Checks;

public class SupplierMasterComparisonTests
{
    private const string MasterIban = "GB02DEMO83607776793617";
    private static readonly SupplierMasterRecord Master = new("sup-orgenics-ltd", "Orgenics, Ltd", "GB356230123", MasterIban);

    [Theory]
    [InlineData("ORGENICS LIMITED")]
    [InlineData("orgenics ltd.")]
    [InlineData("  Orgenics   Ltd  ")]
    [InlineData("Orgenics")]
    [InlineData("Orgénics Ltd")]
    public void A_name_that_differs_only_in_case_punctuation_accents_or_legal_form_matches(string stated)
    {
        var result = SupplierMasterComparison.Compare(new StatedSupplier(stated, null, null), Master);

        Assert.False(result.HasMismatch);
        Assert.Equal(FieldOutcome.Match, result.Fields.Single(f => f.Field == "name").Outcome);
    }

    [Theory]
    [InlineData("AbbVie Logistics B.V.", "ABBVIE LOGISTICS (FORMERLY ABBOTT LOGISTICS BV)", true)]
    [InlineData("Smith & Sons GmbH & Co. KG", "SMITH AND SONS GMBH", true)]
    [InlineData("Hetero Pharma Ltd", "HETERO LABS LIMITED", false)]
    [InlineData("Orgenix Ltd", "Orgenics, Ltd", false)]
    public void Names_are_compared_after_normalization(string stated, string master, bool same)
    {
        Assert.Equal(same, SupplierMasterComparison.NormalizeName(stated) == SupplierMasterComparison.NormalizeName(master));
    }

    [Fact]
    public void A_company_whose_whole_name_is_a_legal_form_word_keeps_it()
    {
        Assert.Equal("limited", SupplierMasterComparison.NormalizeName("Limited"));
    }

    [Fact]
    public void Identifiers_match_regardless_of_spaces_dots_dashes_and_case()
    {
        var result = SupplierMasterComparison.Compare(new StatedSupplier(null, "gb 356.230-123", "gb02 demo 8360 7776 7936 17"), Master);

        Assert.False(result.HasMismatch);
        Assert.Equal([FieldOutcome.NotComparable, FieldOutcome.Match, FieldOutcome.Match], result.Fields.Select(f => f.Outcome));
    }

    [Fact]
    public void A_different_iban_is_a_mismatch_reported_masked_and_called_a_payment_fraud_signal()
    {
        const string other = "GB70DEMO11696105317839";
        var result = SupplierMasterComparison.Compare(new StatedSupplier("Orgenics Ltd", "GB356230123", other), Master);

        var mismatch = Assert.Single(result.Mismatches);
        Assert.Equal("iban", mismatch.Field);
        Assert.Equal("GB****************7839", mismatch.Stated);
        Assert.Equal("GB****************3617", mismatch.Master);
        Assert.DoesNotContain("11696105", mismatch.Why, StringComparison.Ordinal);
        Assert.DoesNotContain("83607776", mismatch.Why, StringComparison.Ordinal);
        Assert.True(result.BankDetailsDiffer);
        Assert.StartsWith("Bank details differ", result.Summary, StringComparison.Ordinal);
        Assert.Contains("payment fraud", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_name_and_vat_id_are_mismatches_without_the_bank_warning()
    {
        var result = SupplierMasterComparison.Compare(new StatedSupplier("Orgenix Trading", "GB999999973", null), Master);

        Assert.Equal(["name", "vat_id"], result.Mismatches.Select(m => m.Field));
        Assert.False(result.BankDetailsDiffer);
        Assert.DoesNotContain("fraud", result.Summary, StringComparison.Ordinal);
        Assert.Contains("name, VAT id disagree", result.Summary, StringComparison.Ordinal);
        Assert.Contains("GB999999973", result.Mismatches[1].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_stated_field_or_an_unknown_master_field_is_not_comparable_rather_than_a_mismatch()
    {
        var unknownMaster = Master with { VatId = null, Iban = null };
        var result = SupplierMasterComparison.Compare(new StatedSupplier("", "GB999999973", "GB70DEMO11696105317839"), unknownMaster);

        Assert.False(result.HasMismatch);
        Assert.All(result.Fields, f => Assert.Equal(FieldOutcome.NotComparable, f.Outcome));
        Assert.Contains("no supplier name", result.Fields[0].Why, StringComparison.Ordinal);
        Assert.Contains("supplier master has no VAT id", result.Fields[1].Why, StringComparison.Ordinal);
        Assert.Contains("supplier master has no IBAN", result.Fields[2].Why, StringComparison.Ordinal);
    }
}
