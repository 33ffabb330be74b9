using System.Globalization;
using System.Text.Json;

namespace AiGovernance.Cli.Bench.Documents;

/// <summary>A benchmark PDF and the values its data set says it holds (bench field name → expected text).</summary>
public sealed record ExpectedDocument(string Set, string Path, IReadOnlyDictionary<string, string> Expected)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>Reads the expectations the data sets ship with; nothing here is written by us.</summary>
public static class ExpectedDocuments
{
    public const string Invoice2DataSet = "invoice2data";
    public const string ParseeSet = "parsee-invoices";

    public static List<ExpectedDocument> Load(string dataRoot)
    {
        var docs = new List<ExpectedDocument>();
        var compare = System.IO.Path.Combine(dataRoot, "invoice2data", "compare");
        if (Directory.Exists(compare))
            foreach (var pdf in Directory.GetFiles(compare, "*.pdf").Order(StringComparer.Ordinal))
            {
                var json = System.IO.Path.ChangeExtension(pdf, ".json");
                if (File.Exists(json)) docs.Add(new ExpectedDocument(Invoice2DataSet, pdf, FromInvoice2Data(json)));
            }
        var parsee = System.IO.Path.Combine(dataRoot, "parsee-invoices");
        var csv = System.IO.Path.Combine(parsee, "expected_fields.csv");
        if (File.Exists(csv))
        {
            var rows = SimpleCsv.Read(csv);
            foreach (var row in rows)
            {
                var expected = new Dictionary<string, string>
                {
                    [BenchFields.IssueDate] = row["invoice_date"],
                    [BenchFields.Total] = row["total"],
                    [BenchFields.Currency] = row["currency"],
                    [BenchFields.Supplier] = row["issuer"],
                };
                docs.Add(new ExpectedDocument(ParseeSet, System.IO.Path.Combine(parsee, "pdf", row["pdf_file"]), NonEmpty(expected)));
            }
        }
        return docs;
    }

    private static Dictionary<string, string> FromInvoice2Data(string jsonPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var root = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement[0] : json.RootElement;
        string Get(string name) => root.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString() ?? "",
                JsonValueKind.Number => v.GetDecimal().ToString(CultureInfo.InvariantCulture),
                _ => "",
            }
            : "";
        return NonEmpty(new Dictionary<string, string>
        {
            [BenchFields.InvoiceNumber] = Get("invoice_number"),
            [BenchFields.IssueDate] = Get("date"),
            [BenchFields.Total] = Get("amount"),
            [BenchFields.Currency] = Get("currency"),
            [BenchFields.Supplier] = Get("issuer"),
        });
    }

    // A field the data set leaves empty is not evaluated for that file.
    private static Dictionary<string, string> NonEmpty(Dictionary<string, string> d) =>
        d.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value.Trim());
}
