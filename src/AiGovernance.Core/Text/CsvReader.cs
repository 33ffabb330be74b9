using System.Text;

namespace AiGovernance.Core.Text;

/// <summary>
/// A small streaming RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes) that
/// keeps line numbers for errors. Streaming so a 500k-line history file never sits in memory twice.
/// </summary>
public static class CsvReader
{
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Fields)
    {
        public string this[string column] => Fields.TryGetValue(column, out var v)
            ? v : throw new FormatException($"line {Line}: column '{column}' is missing");

        /// <summary>The trimmed value, or null when the column is absent or blank.</summary>
        public string? Optional(string column) =>
            Fields.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
    }

    public static IEnumerable<Row> Read(string text) => Read(new StringReader(text));

    /// <summary>Rows keyed by the header; a row with the wrong field count fails with its line number.</summary>
    public static IEnumerable<Row> Read(TextReader reader)
    {
        string[]? header = null;
        foreach (var (line, fields) in Records(reader))
        {
            if (header is null) { header = fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray(); continue; }
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            if (fields.Count != header.Length)
                throw new FormatException($"line {line}: expected {header.Length} fields, found {fields.Count}");
            var map = new Dictionary<string, string>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++) map[header[i]] = fields[i];
            yield return new Row(line, map);
        }
    }

    /// <summary>The header of a CSV text (trimmed, BOM removed), or empty when there is none.</summary>
    public static IReadOnlyList<string> Header(TextReader reader)
    {
        foreach (var (_, fields) in Records(reader))
            return fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
        return [];
    }

    private static IEnumerable<(int Line, List<string> Fields)> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        var buffer = new char[16 * 1024];
        int read;
        var pendingQuote = false; // a quote inside quotes whose meaning depends on the next char
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingQuote)
                {
                    pendingQuote = false;
                    if (c == '"') { field.Append('"'); continue; }
                    inQuotes = false;
                }
                if (inQuotes)
                {
                    if (c == '"') pendingQuote = true;
                    else { if (c == '\n') line++; field.Append(c); }
                    continue;
                }
                switch (c)
                {
                    case '"': inQuotes = true; break;
                    case ',': fields.Add(field.ToString()); field.Clear(); break;
                    case '\r': break;
                    case '\n':
                        fields.Add(field.ToString()); field.Clear();
                        yield return (recordLine, fields);
                        fields = [];
                        recordLine = ++line;
                        break;
                    default: field.Append(c); break;
                }
            }
        }
        if (pendingQuote) inQuotes = false;
        if (inQuotes) throw new FormatException($"line {recordLine}: unterminated quoted field");
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); yield return (recordLine, fields); }
    }
}
