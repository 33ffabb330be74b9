using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Ml.Tests.PriceVariance;

public sealed class PriceLineCsvTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"price-lines-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_file);

    private const string Header = "id,item,description,supplier,quantity,uom,unit_price,currency,date";

    [Fact]
    public void Bad_rows_are_reported_with_their_line_number_and_reason_and_the_rest_is_read()
    {
        File.WriteAllText(_file, string.Join('\n',
            Header,
            "1,A,Widget,Acme,10,each,2.50,USD,2024-01-05",
            "2,A,Widget,Acme,ten,each,2.50,USD,2024-01-06",
            "3,A,Widget,Acme,10,each,2.50,USD",
            "4,A,Widget,Acme,10,each,2.50,USD,05/01/2024",
            "5,A,Widget,Acme,10,each,-1,USD,2024-01-07",
            "6,A,\"Widget, large\",Acme,10,each,2.60,USD,2024-01-08") + "\n");
        var warnings = new List<string>();

        var lines = PriceLineCsv.ReadFile(_file, warnings.Add).ToList();

        Assert.Equal(["1", "6"], lines.Select(l => l.Line.Id));
        Assert.Equal("Widget, large", lines[1].Line.Description);
        Assert.Equal(4, warnings.Count);
        Assert.StartsWith("line 3: quantity 'ten' is not a number", warnings[0]);
        Assert.StartsWith("line 4: expected 9 fields, found 8", warnings[1]);
        Assert.StartsWith("line 5: date '05/01/2024' is not yyyy-MM-dd", warnings[2]);
        Assert.StartsWith("line 6: unit_price -1 is negative", warnings[3]);
    }

    [Fact]
    public void Strict_reading_rejects_the_file_at_the_first_bad_row()
    {
        File.WriteAllText(_file, $"{Header}\n1,A,W,Acme,10,each,2.50,USD,2024-01-05\n2,A,W,Acme,10,each,abc,USD,2024-01-05\n");

        var ex = Assert.Throws<FormatException>(() => PriceLineCsv.ReadFile(_file, onBadRow: null).ToList());

        Assert.StartsWith("line 3: unit_price 'abc' is not a number", ex.Message);
    }

    [Fact]
    public void Missing_required_columns_are_named()
    {
        File.WriteAllText(_file, "id,item,quantity\n1,A,2\n");

        var ex = Assert.Throws<FormatException>(() => PriceLineCsv.ReadFile(_file, _ => { }).ToList());

        Assert.Contains("supplier, unit_price, date", ex.Message);
    }

    [Fact]
    public void Optional_contract_price_category_and_labels_round_trip_through_the_dataset_format()
    {
        var line = new PriceLine("7", "B", "Bolt, M8", "Acme", 5, "box of 100", 12.5m, "EUR", new DateOnly(2024, 2, 1), 11m, "Fasteners");
        using (var writer = new StreamWriter(_file)) PriceLineCsv.WriteDataset(writer, [new LabelledPriceLine(line, true, AnomalyKinds.Markup, "test")]);

        var read = Assert.Single(PriceLineCsv.ReadFile(_file, onBadRow: null));

        Assert.Equal(line, read.Line);
        Assert.True(read.IsAnomaly);
        Assert.Equal(AnomalyKinds.Markup, read.Anomaly);
    }
}
