using AiGovernance.Core.Checks;

namespace AiGovernance.Core.Tests.Checks;

public class SupplierMasterIdentifiersTests
{
    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00")] // the ISO 13616 / ECBS example
    [InlineData("GB82 WEST 1234 5698 7654 32")]
    [InlineData("gb82-west-1234-5698-7654-32")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("BE68539007547034")]
    public void Valid_ibans_pass_the_mod_97_check(string iban) => Assert.True(SupplierMasterIdentifiers.IsValidIban(iban));

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 01")] // one digit changed
    [InlineData("DE98 3704 0044 0532 0130 00")] // check digits swapped
    [InlineData("GB82WEST123456987654")]        // too short for its check, still 20 chars: fails mod 97
    [InlineData("DE89")]
    [InlineData("1289 3704 0044 0532 0130 00")]
    [InlineData("DE89/3704/0044/0532/0130/00")]
    [InlineData("DE893704004405320130001234567890123456")]
    public void Invalid_ibans_fail(string iban) => Assert.False(SupplierMasterIdentifiers.IsValidIban(iban));

    [Theory]
    [InlineData("DE123456789", true)]
    [InlineData("de 123.456.789", true)]
    [InlineData("NL123456789B01", true)]
    [InlineData("ATU12345678", true)]
    [InlineData("IE1234567T", true)]
    [InlineData("12345678", false)]
    [InlineData("D1234", false)]
    [InlineData("DE1", false)]
    [InlineData("DE12345678901234", false)]
    [InlineData("DE123_456", false)]
    public void Vat_ids_need_a_country_prefix_and_2_to_13_letters_or_digits(string vat, bool valid) =>
        Assert.Equal(valid, SupplierMasterIdentifiers.IsValidVatId(vat));

    [Fact]
    public void Masking_keeps_the_country_code_and_the_last_four_characters()
    {
        Assert.Equal("DE****************3000", SupplierMasterIdentifiers.MaskIban("DE89 3704 0044 0532 0130 00"));
        Assert.Equal("DE89 3704 0044 0532 0130 00", SupplierMasterIdentifiers.Grouped("de89370400440532013000"));
    }
}
