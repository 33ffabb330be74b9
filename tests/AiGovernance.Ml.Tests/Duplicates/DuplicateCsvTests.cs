using AiGovernance.Ml.Duplicates;

namespace AiGovernance.Ml.Tests.Duplicates;

public class DuplicateCsvTests
{
    private const string Header = "id,supplier,supplier_id,reference,description,amount,currency,date,requester,cost_center\n";

    private static (List<DuplicateRecord> Records, List<CsvRowError> Errors) Read(string text, bool strict = false)
    {
        var errors = new List<CsvRowError>();
        var records = DuplicateCsv.ReadRecords(new StringReader(text), strict, errors.Add);
        return (records, errors);
    }

    [Fact]
    public void Good_rows_are_read_with_optional_columns()
    {
        var (records, errors) = Read(Header + "r1,Acme Ltd,S1,INV-1,Copper pipe,12.50,GBP,2024-03-01,alice,CC1\n");
        Assert.Empty(errors);
        var r = Assert.Single(records);
        Assert.Equal(("r1", "Acme Ltd", "S1", "INV-1", 12.50m, new DateOnly(2024, 3, 1), "alice", "CC1"),
            (r.Id, r.Supplier, r.SupplierId, r.Reference, r.Amount, r.Date, r.Requester, r.CostCenter));
    }

    [Fact]
    public void Only_the_required_columns_are_needed()
    {
        var (records, errors) = Read("id,supplier,description,amount,date\nr1,Acme,Pipe,10,2024-01-01\n");
        Assert.Empty(errors);
        Assert.Null(Assert.Single(records).Reference);
    }

    [Fact]
    public void Bad_rows_are_skipped_with_their_line_numbers_and_reasons()
    {
        var text = Header +
                   "r1,Acme,,,Pipe,10.00,GBP,2024-01-01,,\n" +        // line 2: fine
                   "r2,Acme,,,\"Pipe,\nsecond line\",abc,GBP,2024-01-01,,\n" + // lines 3-4: amount not a number
                   "r3,Acme,,,Pipe,10.00,GBP,01-13-2024,,\n" +         // line 5: bad date
                   "r4,Acme,,,Pipe,10.00\n" +                          // line 6: too few fields
                   "r1,Acme,,,Pipe,10.00,GBP,2024-01-02,,\n" +         // line 7: duplicate id
                   ",Acme,,,Pipe,10.00,GBP,2024-01-02,,\n" +           // line 8: empty id
                   "r9,Acme,,,Pipe,10.00,GBP,2024-01-02,,\n";          // line 9: fine
        var (records, errors) = Read(text);
        Assert.Equal(["r1", "r9"], records.Select(r => r.Id));
        Assert.Equal([3, 5, 6, 7, 8], errors.Select(e => e.Line));
        Assert.Contains("'amount' value 'abc' is not a number", errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("not a date", errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("expected 10 fields, found 6", errors[2].Reason, StringComparison.Ordinal);
        Assert.Contains("duplicate id 'r1'", errors[3].Reason, StringComparison.Ordinal);
        Assert.Contains("'id' is empty", errors[4].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"12,5\"")]
    [InlineData("\"1,234.50\"")]
    [InlineData("12.5 EUR")]
    public void Ambiguous_amounts_are_rejected_not_guessed(string amount)
    {
        var (records, errors) = Read(Header + $"r1,Acme,,,Pipe,{amount},GBP,2024-01-01,,\n");
        Assert.Empty(records);
        Assert.Equal(2, Assert.Single(errors).Line);
    }

    [Fact]
    public void Strict_mode_rejects_the_file_at_the_first_bad_row()
    {
        var ex = Assert.Throws<CsvRejectedException>(() => Read(Header + "r1,Acme,,,Pipe,10,GBP,2024-01-01,,\nr2,Acme,,,Pipe,ten,GBP,2024-01-01,,\n", strict: true));
        Assert.Equal(3, ex.Error.Line);
        Assert.StartsWith("line 3:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_column_rejects_the_file_even_when_lenient()
    {
        var ex = Assert.Throws<CsvRejectedException>(() => Read("id,supplier,description,date\nr1,Acme,Pipe,2024-01-01\n"));
        Assert.Contains("'amount'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pair_files_allow_a_blank_supplier_but_the_detector_input_does_not()
    {
        var pair = LabelledPairCsv.HeaderLine + "\n1,abt-buy-match,1,,ab1,,,,Sony PS-LX350H turntable,0,USD,2009-01-01,,,ab2,,,,Sony Turntable - PSLX350H,99,USD,2009-01-01,,\n";
        Assert.Single(LabelledPairCsv.Read(new StringReader(pair), strict: true, _ => { }));
        var (_, errors) = Read(Header + "r1,,,,Pipe,10,GBP,2024-01-01,,\n");
        Assert.Contains("'supplier' is empty", Assert.Single(errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Labelled_pairs_round_trip_through_the_dataset_format()
    {
        var a = new DuplicateRecord("a", "Acme, \"The\" Ltd", "S1", "INV-1", "Pipe", 10.5m, "GBP", new DateOnly(2024, 1, 2), "alice", "CC1");
        var b = a with { Id = "b", Reference = null, Date = new DateOnly(2024, 1, 1) };
        var path = Path.Combine(Path.GetTempPath(), $"pairs-{Guid.NewGuid():N}.csv");
        try
        {
            LabelledPairCsv.Write(path, [new LabelledPair(a, b, true, "ref-missing", 2.5f, 3)]);
            var read = Assert.Single(LabelledPairCsv.Read(path, strict: true, _ => { }));
            Assert.Equal((a, b, true, "ref-missing", 2.5f, (int?)3), (read.A, read.B, read.Label, read.Kind, read.Weight, read.Series));
        }
        finally { File.Delete(path); }
    }
}
