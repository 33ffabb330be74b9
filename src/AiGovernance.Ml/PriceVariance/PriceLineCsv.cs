using System.Globalization;
using System.Text;
using AiGovernance.Core.Text;

namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// Reads price lines (and, for datasets, their labels) from CSV. A bad row is reported with its line number
/// and skipped, or — strict — rejects the file. Rows with the wrong field count end CsvReader's stream, so the
/// reader resumes after the bad record instead of losing the rest of the file.
/// </summary>
public static class PriceLineCsv
{
    public static readonly string[] RequiredColumns = ["id", "item", "supplier", "quantity", "unit_price", "date"];
    public static readonly string[] DatasetHeader =
        ["id", "item", "description", "supplier", "quantity", "uom", "unit_price", "currency", "date", "contract_price", "category", "label", "anomaly", "source"];
    private const int MaxBadRows = 1000;

    /// <summary>Lines of a CSV file; each bad row goes to <paramref name="onBadRow"/>, or throws when it is null (strict).</summary>
    public static IEnumerable<LabelledPriceLine> ReadFile(string path, Action<string>? onBadRow)
    {
        var skipUntil = 0; // physical line of the last record CsvReader could not split
        var bad = 0;
        while (true)
        {
            using var reader = OpenFrom(path, skipUntil, out var header, out var offset);
            if (header is null) yield break;
            var missing = RequiredColumns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0) throw new FormatException($"line 1: missing column(s) {string.Join(", ", missing)}");
            using var rows = CsvReader.Read(reader).GetEnumerator();
            int? resumeAfter = null;
            while (true)
            {
                CsvReader.Row row;
                try
                {
                    if (!rows.MoveNext()) break;
                    row = rows.Current;
                }
                catch (FormatException ex)
                {
                    var (line, message) = Renumber(ex.Message, offset);
                    Report(onBadRow, line, message, ref bad);
                    resumeAfter = line;
                    break;
                }
                LabelledPriceLine? parsed = null;
                try { parsed = Parse(row); }
                catch (FormatException ex)
                {
                    var (line, message) = Renumber(ex.Message, offset);
                    Report(onBadRow, line, message, ref bad);
                }
                if (parsed is not null) yield return parsed;
            }
            if (resumeAfter is not { } after || after <= skipUntil) yield break;
            skipUntil = after;
        }
    }

    /// <summary>One row as a labelled line; label columns are optional (unlabelled input reads as "none").</summary>
    public static LabelledPriceLine Parse(CsvReader.Row row)
    {
        var id = Required(row, "id");
        var line = new PriceLine(
            id, Required(row, "item"), row.Optional("description"), Required(row, "supplier"),
            Decimal(row, "quantity", allowNegative: false)!.Value, row.Optional("uom"),
            Decimal(row, "unit_price", allowNegative: false)!.Value, row.Optional("currency"), Date(row),
            Decimal(row, "contract_price", allowNegative: false, optional: true) is { } c && c > 0 ? c : null, row.Optional("category"));
        var label = row.Optional("label");
        var isAnomaly = label switch
        {
            null or "0" or "false" => false,
            "1" or "true" => true,
            _ => throw new FormatException($"label '{label}' is not 0 or 1"),
        };
        return new LabelledPriceLine(line, isAnomaly, row.Optional("anomaly") ?? (isAnomaly ? "unknown" : AnomalyKinds.None), row.Optional("source") ?? "");
    }

    public static void WriteDataset(TextWriter writer, IEnumerable<LabelledPriceLine> lines)
    {
        writer.Write(string.Join(',', DatasetHeader) + "\n");
        foreach (var l in lines)
        {
            var p = l.Line;
            string[] fields =
            [
                p.Id, p.Item, p.Description ?? "", p.Supplier, Number(p.Quantity), p.Uom ?? "", Number(p.UnitPrice), p.Currency ?? "",
                p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.ContractPrice is { } c ? Number(c) : "", p.Category ?? "",
                l.IsAnomaly ? "1" : "0", l.Anomaly, l.Source,
            ];
            writer.Write(string.Join(',', fields.Select(Quote)) + "\n");
        }
    }

    public static string Number(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static string Required(CsvReader.Row row, string column) =>
        row.Optional(column) ?? throw new FormatException($"line {row.Line}: {column} is blank");

    private static decimal? Decimal(CsvReader.Row row, string column, bool allowNegative, bool optional = false)
    {
        var text = row.Optional(column);
        if (text is null) return optional ? null : throw new FormatException($"line {row.Line}: {column} is blank");
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"line {row.Line}: {column} '{text}' is not a number");
        if (!allowNegative && value < 0) throw new FormatException($"line {row.Line}: {column} {text} is negative");
        return value;
    }

    private static DateOnly Date(CsvReader.Row row)
    {
        var text = Required(row, "date");
        var day = text.Length > 10 && (text[10] == ' ' || text[10] == 'T') ? text[..10] : text;
        return DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new FormatException($"line {row.Line}: date '{text}' is not yyyy-MM-dd");
    }

    private static void Report(Action<string>? onBadRow, int line, string message, ref int bad)
    {
        var text = message.StartsWith("line ", StringComparison.Ordinal) ? message : $"line {line}: {message}";
        if (onBadRow is null) throw new FormatException(text);
        onBadRow(text);
        if (++bad >= MaxBadRows) throw new FormatException($"{bad} bad rows; giving up (last: {text})");
    }

    /// <summary>CsvReader numbers lines of the re-opened text; map its message back to the file's line numbers.</summary>
    private static (int Line, string Message) Renumber(string message, int offset)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        if (message.StartsWith("line ", StringComparison.Ordinal) && colon > 5
            && int.TryParse(message.AsSpan(5, colon - 5), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return (n + offset, $"line {n + offset}{message[colon..]}");
        return (offset, message);
    }

    /// <summary>The file as CsvReader text: the header, then everything after physical line <paramref name="skipUntil"/>.</summary>
    private static TextReader OpenFrom(string path, int skipUntil, out string[]? header, out int offset)
    {
        var file = new StreamReader(path, Encoding.UTF8);
        var headerLine = file.ReadLine();
        header = headerLine is null ? null : CsvReader.Header(new StringReader(headerLine)).ToArray();
        offset = 0;
        if (skipUntil <= 1 || headerLine is null)
        {
            file.Dispose();
            return new StreamReader(path, Encoding.UTF8);
        }
        for (var line = 2; line <= skipUntil && file.ReadLine() is not null; line++) { }
        offset = skipUntil - 1; // the re-opened text's line 2 is the file's line skipUntil + 1
        return new PrefixedReader(headerLine + "\n", file);
    }

    private sealed class PrefixedReader(string prefix, TextReader rest) : TextReader
    {
        private int _pos;
        public override int Read(char[] buffer, int index, int count)
        {
            if (_pos < prefix.Length)
            {
                var n = Math.Min(count, prefix.Length - _pos);
                prefix.CopyTo(_pos, buffer, index, n);
                _pos += n;
                return n;
            }
            return rest.Read(buffer, index, count);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }
}
