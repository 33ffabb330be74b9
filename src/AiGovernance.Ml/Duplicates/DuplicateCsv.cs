using System.Globalization;
using AiGovernance.Core.Text;

namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// Reads requisitions for duplicate detection from CSV: columns id, supplier, supplier_id, reference,
/// description, amount, currency, date, requester, cost_center (id, supplier, description, amount and
/// date required; the rest optional). Dates are ISO yyyy-MM-dd (dd/MM/yyyy also accepted).
/// </summary>
public static class DuplicateCsv
{
    public static readonly string[] Columns = ["id", "supplier", "supplier_id", "reference", "description", "amount", "currency", "date", "requester", "cost_center"];
    public static readonly string[] Required = ["id", "supplier", "description", "amount", "date"];
    private const NumberStyles AmountStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy/MM/dd"];

    public static List<DuplicateRecord> ReadRecords(TextReader reader, bool strict, Action<CsvRowError> onError)
    {
        var records = new List<DuplicateRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in CsvRecords.Read(reader, strict, onError))
        {
            var missingColumn = Required.FirstOrDefault(c => !row.Fields.ContainsKey(c));
            if (missingColumn is not null)
                throw new CsvRejectedException(new CsvRowError(1, $"required column '{missingColumn}' is missing from the header (required: {string.Join(", ", Required)})"));
            var (record, reason) = Parse(row, prefix: "");
            if (record is not null && !seen.Add(record.Id))
            {
                reason = $"duplicate id '{record.Id}'";
                record = null;
            }
            if (record is not null) { records.Add(record); continue; }
            var error = new CsvRowError(row.Line, reason!);
            if (strict) throw new CsvRejectedException(error);
            onError(error);
        }
        return records;
    }

    /// <summary>One record from a row; columns may carry a prefix ("a_", "b_") in pair files.</summary>
    public static (DuplicateRecord? Record, string? Reason) Parse(CsvReader.Row row, string prefix) => Parse(row, prefix, Required);

    /// <param name="required">Columns that must not be blank (pair files allow a blank supplier: catalogue rows without a manufacturer).</param>
    public static (DuplicateRecord? Record, string? Reason) Parse(CsvReader.Row row, string prefix, IReadOnlyList<string> required)
    {
        string? Opt(string c) => row.Optional(prefix + c);
        foreach (var c in required)
            if (Opt(c) is null) return (null, $"'{prefix + c}' is empty");
        // No thousands separators: "12,5" must not silently become 125.
        if (!decimal.TryParse(Opt("amount"), AmountStyle, CultureInfo.InvariantCulture, out var amount))
            return (null, $"'{prefix}amount' value '{Opt("amount")}' is not a number (use a dot for decimals and no thousands separators)");
        if (!DateOnly.TryParseExact(Opt("date"), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, $"'{prefix}date' value '{Opt("date")}' is not a date (yyyy-MM-dd)");
        var items = Opt("line_items")?.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (new DuplicateRecord(Opt("id")!, Opt("supplier") ?? "", Opt("supplier_id"), Opt("reference"), Opt("description")!, amount,
            Opt("currency"), date, Opt("requester"), Opt("cost_center"), items is { Length: > 0 } ? items : null), null);
    }

    /// <summary>The record's fields in <see cref="Columns"/> order, as CSV-ready strings.</summary>
    public static IEnumerable<string> Fields(DuplicateRecord r) =>
    [
        r.Id, r.Supplier, r.SupplierId ?? "", r.Reference ?? "", r.Description,
        r.Amount.ToString(CultureInfo.InvariantCulture), r.Currency ?? "", r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.Requester ?? "", r.CostCenter ?? "",
    ];

    public static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Escape));
}
