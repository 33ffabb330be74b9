using System.Globalization;
using AiGovernance.Core.Text;

namespace AiGovernance.Ml.Duplicates.Dataset;

/// <summary>
/// Oxford City Council payments over £500 (Open Government Licence v3) as duplicate-detector records.
/// Mapping: reference = trans_no, supplier/supplier_id as published, description = expenditure
/// category (service area when blank), requester = service area (the department that raised it),
/// cost_center = expenditure code. Rows without a paid date (the apr-jun 2014 file has none) or with a
/// non-positive amount (credit notes) are skipped: they cannot be placed in a date window.
/// </summary>
public static class OxfordSpendReader
{
    public const string RelativePath = "oxford-spend/oxford_spend_over_500_2014-2018_normalized.csv";

    public static List<DuplicateRecord> Read(string dataRoot)
    {
        var path = Path.Combine(dataRoot, RelativePath);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing: the Oxford spend data (../shared/data) is needed here", path);
        var records = new List<DuplicateRecord>();
        using var reader = new StreamReader(path);
        foreach (var row in CsvReader.Read(reader))
        {
            if (!DateOnly.TryParseExact(row.Optional("paid_date"), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
            if (!decimal.TryParse(row.Optional("amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount <= 0) continue;
            var supplier = row.Optional("supplier_name");
            var description = row.Optional("expenditure_category") ?? row.Optional("service_area");
            if (supplier is null || description is null) continue;
            records.Add(new DuplicateRecord($"ox{row.Line}", supplier, row.Optional("supplier_id"), row.Optional("trans_no"), description,
                amount, "GBP", date, row.Optional("service_area"), row.Optional("expenditure_code")));
        }
        return records;
    }
}
