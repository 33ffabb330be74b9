using AiGovernance.Core.Text;
using AiGovernance.Ml.Duplicates;

namespace AiGovernance.Ml.Tests.Duplicates;

public class ReferenceNormalizerTests
{
    [Theory]
    [InlineData("INV-001", "1")]
    [InlineData("INV001", "1")]
    [InlineData("1", "1")]
    [InlineData("inv 001", "1")]
    [InlineData("Invoice #0042", "42")]
    [InlineData("060729074001", "60729074001")]
    [InlineData("060729074/001", "60729074001")]
    [InlineData("46281108 - 0", "462811080")]
    [InlineData("46281108_0", "462811080")]
    [InlineData("PO-7781", "7781")]
    [InlineData("POLE7", "POLE7")]
    [InlineData("000", "0")]
    public void Normalize_reduces_keying_variants_to_one_key(string raw, string expected) =>
        Assert.Equal(expected, ReferenceNormalizer.Normalize(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--/--")]
    public void Normalize_of_nothing_is_empty(string? raw) => Assert.Equal("", ReferenceNormalizer.Normalize(raw));

    [Fact]
    public void Different_documents_stay_different() =>
        Assert.NotEqual(ReferenceNormalizer.Normalize("INV-001"), ReferenceNormalizer.Normalize("INV-010"));

    [Fact]
    public void DigitsOnly_ignores_letters_and_leading_zeros() =>
        Assert.Equal(ReferenceNormalizer.DigitsOnly("A-01001"), ReferenceNormalizer.DigitsOnly("1001/B"));
}

public class SupplierNameNormalizerTests
{
    [Theory]
    [InlineData("Wolseley UK Ltd.", "WOLSELEY U.K. LIMITED")]
    [InlineData("wolseley uk", "WOLSELEY UK LIMITED")]
    [InlineData("Smith & Sons PLC", "SMITH AND SONS")]
    [InlineData("Société Générale S.A.", "SOCIETE GENERALE")]
    [InlineData("The Hanson  Aggregates", "HANSON AGGREGATES LTD")]
    [InlineData("U K Power Networks", "UK POWER NETWORKS")]
    public void Variants_of_one_supplier_normalize_equal(string a, string b) =>
        Assert.Equal(SupplierNameNormalizer.Normalize(a), SupplierNameNormalizer.Normalize(b));

    [Fact]
    public void Legal_words_are_dropped_but_identity_kept() =>
        Assert.Equal("WOLSELEY", SupplierNameNormalizer.Normalize("Wolseley UK Limited"));

    [Fact]
    public void A_name_made_only_of_legal_words_is_not_emptied() =>
        Assert.Equal("THE COMPANY", SupplierNameNormalizer.Normalize("The Company"));

    [Fact]
    public void Different_suppliers_differ() =>
        Assert.NotEqual(SupplierNameNormalizer.Normalize("Jewson Ltd"), SupplierNameNormalizer.Normalize("Wolseley Ltd"));
}
