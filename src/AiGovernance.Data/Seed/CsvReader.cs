using System.Text;

namespace AiGovernance.Data.Seed;

/// <summary>A small RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes) with line numbers for errors.</summary>
public static class CsvReader
{
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Fields)
    {
        public string this[string column] => Fields.TryGetValue(column, out var v)
            ? v : throw new FormatException($"line {Line}: column '{column}' is missing");
    }

    public static IEnumerable<Row> Read(string text)
    {
        string[]? header = null;
        foreach (var (line, fields) in Records(text))
        {
            if (header is null) { header = fields.ToArray(); continue; }
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            if (fields.Count != header.Length)
                throw new FormatException($"line {line}: expected {header.Length} fields, found {fields.Count}");
            yield return new Row(line, header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }
    }

    private static IEnumerable<(int Line, List<string> Fields)> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
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
        if (inQuotes) throw new FormatException($"line {recordLine}: unterminated quoted field");
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); yield return (recordLine, fields); }
    }
}
