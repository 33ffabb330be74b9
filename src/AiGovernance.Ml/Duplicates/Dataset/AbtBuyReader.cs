using System.Globalization;
using AiGovernance.Core.Text;

namespace AiGovernance.Ml.Duplicates.Dataset;

/// <summary>
/// The Abt-Buy single-table benchmark (der/abtbuy: Abt and Buy products in one table, gt.csv lists the
/// 1,097 duplicate pairs). Mapping: description = product name, supplier = manufacturer (mostly blank),
/// amount = price (0 when missing: "unknown"), no reference and one shared date, so only the
/// description and amount carry evidence — a pure fuzzy-description test.
/// </summary>
public static class AbtBuyReader
{
    public const string RelativeDirectory = "abt-buy/der/abtbuy";
    public static readonly DateOnly NoDate = new(2009, 1, 1);

    public static (List<DuplicateRecord> Records, List<(string A, string B)> Matches) Read(string dataRoot)
    {
        var dir = Path.Combine(dataRoot, RelativeDirectory);
        var table = Path.Combine(dir, "abtbuy.csv");
        var truth = Path.Combine(dir, "gt.csv");
        if (!File.Exists(table) || !File.Exists(truth)) throw new FileNotFoundException($"{dir} must hold abtbuy.csv and gt.csv (../shared/data is needed here)", table);
        var records = new List<DuplicateRecord>();
        using (var reader = new StreamReader(table))
            foreach (var row in CsvReader.Read(reader))
            {
                var price = row.Optional("price")?.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
                decimal.TryParse(price, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount);
                var name = row.Optional("name") ?? row.Optional("description") ?? "";
                records.Add(new DuplicateRecord("ab" + row["id"], row.Optional("manufacturer") ?? "", null, null, name, amount, "USD", NoDate));
            }
        var matches = new List<(string, string)>();
        using (var reader = new StreamReader(truth))
            foreach (var row in CsvReader.Read(reader))
                matches.Add(("ab" + row["idAbt"], "ab" + row["idBuy"]));
        return (records, matches);
    }
}
