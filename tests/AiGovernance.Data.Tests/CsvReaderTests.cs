using AiGovernance.Core.Text;
using AiGovernance.Data.Seed;

namespace AiGovernance.Data.Tests;

public class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_and_doubled_quotes()
    {
        var rows = CsvReader.Read("id,description,price\n1,\"Zidovudine 10mg/ml, oral solution\",5.05\n2,\"Kit \"\"rapid\"\"\",\"\"\n").ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("Zidovudine 10mg/ml, oral solution", rows[0]["description"]);
        Assert.Equal("Kit \"rapid\"", rows[1]["description"]);
        Assert.Equal("", rows[1]["price"]);
    }

    [Fact]
    public void Embedded_newlines_stay_in_the_field_and_later_rows_keep_their_real_line_numbers()
    {
        var rows = CsvReader.Read("a,b\n1,\"first\nsecond\nthird\"\n2,x\n").ToList();

        Assert.Equal("first\nsecond\nthird", rows[0]["b"]);
        Assert.Equal([2, 5], rows.Select(r => r.Line));
    }

    [Fact]
    public void Crlf_line_ends_blank_lines_and_a_missing_final_newline_are_handled()
    {
        var rows = CsvReader.Read("a,b\r\n1,2\r\n\r\n3,4").ToList();

        Assert.Equal([("1", "2"), ("3", "4")], rows.Select(r => (r["a"], r["b"])));
        Assert.Equal([2, 4], rows.Select(r => r.Line));
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n4,5\n", 3, "expected 3 fields, found 2")]
    [InlineData("a,b\n1,\"x\ny\"\n1,2,3\n", 4, "expected 2 fields, found 3")]
    public void A_wrong_column_count_names_the_line(string csv, int line, string message)
    {
        var ex = Assert.Throws<FormatException>(() => CsvReader.Read(csv).ToList());

        Assert.StartsWith($"line {line}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_quote_is_a_format_error()
    {
        var ex = Assert.Throws<FormatException>(() => CsvReader.Read("a,b\n1,\"open\n").ToList());

        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unterminated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_is_named_when_read()
    {
        var row = CsvReader.Read("a\n1\n").Single();

        var ex = Assert.Throws<FormatException>(() => row["b"]);

        Assert.Equal("line 2: column 'b' is missing", ex.Message);
    }

    [Fact]
    public void The_embedded_purchase_history_parses()
    {
        var rows = CsvReader.Read(SeedResources.Read("requisition-history.csv")).ToList();

        Assert.True(rows.Count > 100);
        Assert.All(rows, r => Assert.StartsWith("SCMS-", r["external_ref"], StringComparison.Ordinal));
    }
}
