using AiGovernance.Data.DecisionLog;
using Npgsql;

namespace AiGovernance.Data.Tests;

/// <summary>
/// The decision-log hash must see numbers exactly as jsonb gives them back, so CanonicalJson's number
/// form is checked against PostgreSQL itself rather than against our own expectation.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class PlainNumberTests(DatabaseFixture db)
{
    [Theory]
    [InlineData("1.5E-05")]
    [InlineData("1E+20")]
    [InlineData("-2.50e3")]
    [InlineData("1.234E+1")]
    [InlineData("9.99e-1")]
    [InlineData("0e0")]
    [InlineData("-0.0E5")]
    [InlineData("12345.678e-2")]
    [InlineData("0.97")]
    [InlineData("12500.00")]
    public async Task Numbers_are_written_as_jsonb_prints_them(string number)
    {
        await using var conn = await db.App.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT ($1::text)::jsonb::text", conn);
        cmd.Parameters.AddWithValue(number);

        var postgres = (string)(await cmd.ExecuteScalarAsync())!;

        Assert.Equal(postgres, CanonicalJson.PlainNumber(number));
    }
}
