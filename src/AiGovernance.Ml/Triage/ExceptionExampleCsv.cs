using System.Globalization;
using System.Text;
using AiGovernance.Ml.Duplicates;

namespace AiGovernance.Ml.Triage;

/// <summary>
/// The labelled file of decided exceptions (datasets/exception-probability/*.csv): one row per exception with its
/// facts at raise time and <c>label</c> 1 (resolved: real) or 0 (dismissed: false alarm). Empty = unknown.
/// </summary>
public static class ExceptionExampleCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "raised_at", "type", "severity", "confidence", "amount_at_risk", "supplier_risk", "hours_to_sla", "hours_to_needed_by",
        "customer_commitment", "type_real", "type_dismissed", "supplier_real", "supplier_dismissed", "duplicate_probability",
        "price_variance_pct", "label",
    ];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(TextWriter w, IEnumerable<ExceptionExample> examples)
    {
        w.Write(string.Join(',', Columns) + "\n");
        foreach (var e in examples)
        {
            var f = e.Facts;
            w.Write(string.Join(',', DuplicateCsv.Escape(e.Id), e.RaisedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", Inv), f.Type, f.Severity,
                N(f.Confidence, "0.####"), f.AmountAtRisk?.ToString("0.##", Inv) ?? "", f.SupplierRisk ?? "", N(f.HoursToSla, "0.#"),
                N(f.HoursToNeededBy, "0.#"), f.CustomerCommitment ? "1" : "0", f.TypeReal.ToString(Inv), f.TypeDismissed.ToString(Inv),
                f.SupplierReal.ToString(Inv), f.SupplierDismissed.ToString(Inv), N(f.DuplicatePercent, "0.####"), N(f.PriceVariancePercent, "0.#"),
                e.Real ? "1" : "0") + "\n");
        }
    }

    public static void Write(string path, IEnumerable<ExceptionExample> examples)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(w, examples);
    }

    /// <summary>Reads a labelled file; a bad row is skipped with a warning, or rejects the file when <paramref name="strict"/>.</summary>
    public static List<ExceptionExample> Read(string path, bool strict, Action<string> warn)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such dataset file", path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        var list = new List<ExceptionExample>();
        try
        {
            foreach (var row in CsvRecords.Read(reader, strict, e => warn($"{Path.GetFileName(path)} {e}: row skipped")))
            {
                try { list.Add(Parse(row)); }
                catch (FormatException ex)
                {
                    var error = new CsvRowError(row.Line, ex.Message);
                    if (strict) throw new CsvRejectedException(error);
                    warn($"{Path.GetFileName(path)} {error}: row skipped");
                }
            }
        }
        catch (CsvRejectedException ex) { throw new InvalidDataException($"{path} {ex.Message} (--strict: file rejected)", ex); }
        return list;
    }

    private static ExceptionExample Parse(Core.Text.CsvReader.Row row)
    {
        var label = row["label"].Trim() switch { "1" => true, "0" => false, var s => throw new FormatException($"label must be 0 or 1, got '{s}'") };
        if (!DateTimeOffset.TryParse(row["raised_at"], Inv, DateTimeStyles.AssumeUniversal, out var raised))
            throw new FormatException($"raised_at '{row["raised_at"]}' is not a date-time");
        var type = Required(row, "type");
        var facts = new ExceptionFacts(type, Required(row, "severity"), D(row, "confidence"), D(row, "amount_at_risk") is { } a ? (decimal)a : null,
            Blank(row.Optional("supplier_risk")), D(row, "hours_to_sla"), D(row, "hours_to_needed_by"), row.Optional("customer_commitment")?.Trim() == "1",
            I(row, "type_real"), I(row, "type_dismissed"), I(row, "supplier_real"), I(row, "supplier_dismissed"),
            D(row, "duplicate_probability"), D(row, "price_variance_pct"));
        return new ExceptionExample(Required(row, "id"), raised, facts, label);
    }

    private static string Required(Core.Text.CsvReader.Row row, string column) =>
        Blank(row.Optional(column)) ?? throw new FormatException($"{column} is empty");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static double? D(Core.Text.CsvReader.Row row, string column) =>
        Blank(row.Optional(column)) is not { } s ? null
        : double.TryParse(s, NumberStyles.Float, Inv, out var d) && double.IsFinite(d) ? d : throw new FormatException($"{column} '{s}' is not a number");

    private static int I(Core.Text.CsvReader.Row row, string column) =>
        Blank(row.Optional(column)) is not { } s ? 0
        : int.TryParse(s, NumberStyles.Integer, Inv, out var n) && n >= 0 ? n : throw new FormatException($"{column} '{s}' is not a count");

    private static string N(double? v, string format) => v?.ToString(format, Inv) ?? "";
}
