using System.Text;
using AiGovernance.Core.Text;

namespace AiGovernance.Ml.Duplicates;

/// <summary>A CSV row that could not be used: its line number and why.</summary>
public sealed record CsvRowError(int Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}

/// <summary>Thrown in strict mode on the first bad row; nothing should be written after it.</summary>
public sealed class CsvRejectedException(CsvRowError error) : FormatException(error.ToString())
{
    public CsvRowError Error { get; } = error;
}

/// <summary>
/// Splits CSV text into physical records (quote-aware, so a newline inside quotes stays in its field)
/// and hands each one to <see cref="CsvReader"/> on its own. A malformed row then fails alone with its
/// line number instead of ending the stream, which is what "skip with a warning" needs.
/// </summary>
public static class CsvRecords
{
    /// <summary>Rows keyed by header; bad rows go to <paramref name="onError"/> (or throw <see cref="CsvRejectedException"/> when strict).</summary>
    public static IEnumerable<CsvReader.Row> Read(TextReader reader, bool strict, Action<CsvRowError> onError)
    {
        string? header = null;
        foreach (var (line, text) in PhysicalRecords(reader))
        {
            if (header is null) { header = text; continue; }
            if (string.IsNullOrWhiteSpace(text)) continue;
            CsvReader.Row? row = null;
            CsvRowError? error = null;
            try { row = CsvReader.Read(header + "\n" + text).FirstOrDefault(); }
            catch (FormatException ex) { error = new CsvRowError(line, StripLinePrefix(ex.Message)); }
            if (error is not null)
            {
                if (strict) throw new CsvRejectedException(error);
                onError(error);
                continue;
            }
            if (row is not null) yield return row with { Line = line };
        }
        if (header is null) throw new CsvRejectedException(new CsvRowError(1, "the file is empty (no header row)"));
    }

    /// <summary>The header columns (trimmed) of a CSV text.</summary>
    public static IReadOnlyList<string> Header(string headerLine) => CsvReader.Header(new StringReader(headerLine));

    private static string StripLinePrefix(string message)
    {
        // CsvReader numbers lines within the two-line snippet it was given; the caller's line number replaces it.
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return message.StartsWith("line ", StringComparison.Ordinal) && colon > 0 ? message[(colon + 2)..] : message;
    }

    private static IEnumerable<(int Line, string Text)> PhysicalRecords(TextReader reader)
    {
        var sb = new StringBuilder();
        var inQuotes = false;
        var line = 0;
        var start = 1;
        string? physical;
        while ((physical = reader.ReadLine()) is not null)
        {
            line++;
            if (sb.Length == 0 && !inQuotes) start = line;
            else sb.Append('\n');
            sb.Append(physical);
            foreach (var c in physical) if (c == '"') inQuotes = !inQuotes;
            if (inQuotes) continue;
            yield return (start, sb.ToString());
            sb.Clear();
        }
        if (sb.Length > 0) yield return (start, sb.ToString()); // unterminated quote: CsvReader reports it
    }
}
