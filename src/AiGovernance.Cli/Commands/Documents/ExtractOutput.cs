using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Cli.Commands.Documents;

/// <summary>Prints extraction results as aligned tables or as one JSON array.</summary>
public static class ExtractOutput
{
    // Evidence lines can be long; the table stays readable and --json carries the full text.
    private const int EvidenceWidth = 70;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void PrintText(ExtractResult r, TextWriter output)
    {
        output.WriteLine(r.Path);
        if (r.Read is null)
        {
            output.WriteLine($"  error: {r.Error}");
            output.WriteLine();
            return;
        }
        var read = r.Read;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  status: {read.Status.ToSnakeCase()}{(read.Problem is null ? "" : $" — {read.Problem}")}   pages: {read.PageCount}   read in {read.Elapsed.TotalMilliseconds:F0} ms"));
        output.WriteLine($"  {read.Sha256}");
        var type = r.Fields[Agents.Documents.FieldNames.DocumentType];
        output.WriteLine(type is null ? "  document type: (not classified)"
            : string.Create(CultureInfo.InvariantCulture, $"  document type: {type.Value} (confidence {type.Confidence:F2})"));
        var table = new List<IReadOnlyList<string>> { new[] { "field", "value", "confidence", "page", "evidence" } };
        foreach (var f in r.Fields.Fields.Where(f => f.Name != Agents.Documents.FieldNames.DocumentType))
            table.Add([f.Name, f.Value, f.Confidence.ToString("F2", CultureInfo.InvariantCulture),
                f.Page.ToString(CultureInfo.InvariantCulture), Shorten(f.Evidence)]);
        if (table.Count > 1)
        {
            using var indented = new StringWriter();
            ConsoleProgress.PrintTable(table, indented);
            foreach (var line in indented.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) output.WriteLine("  " + line);
        }
        else if (read.IsReadable) output.WriteLine("  no fields found");
        foreach (var i in r.Analysis!.Injections)
            output.WriteLine($"  text addressed to an AI ({i.Technique}, page {i.Page}): \"{Shorten(i.Excerpt)}\" — ignored");
        if (r.Analysis.Summary is { } summary)
        {
            output.WriteLine($"  {summary.Label}{(summary.Flags.Count > 0 ? $" (flags: {string.Join(", ", summary.Flags)})" : "")}:");
            foreach (var sentence in summary.Sentences) output.WriteLine($"    {sentence.Text} [p. {sentence.Page}]");
        }
        output.WriteLine();
    }

    public static void PrintJson(IReadOnlyList<ExtractResult> results, TextWriter output)
    {
        var items = results.Select(r => new
        {
            File = r.Path,
            r.Error,
            Status = r.Read?.Status.ToSnakeCase(),
            r.Read?.Problem,
            r.Read?.Sha256,
            Pages = r.Read?.PageCount,
            DocumentType = r.Read is null ? null : r.Fields.DocumentType,
            Fields = r.Fields.Fields.Select(f => new { f.Name, f.Value, f.Confidence, f.Page, f.Evidence }),
            Injections = r.Analysis?.Injections,
            Summary = r.Analysis?.Summary is { } s ? new { s.Kind, s.Label, s.Sentences, s.Flags, s.Model, s.PromptId, s.PromptVersion } : null,
        });
        output.WriteLine(JsonSerializer.Serialize(items, Json));
    }

    private static string Shorten(string evidence)
    {
        var oneLine = evidence.ReplaceLineEndings(" / ");
        return oneLine.Length <= EvidenceWidth ? oneLine : oneLine[..(EvidenceWidth - 1)] + "…";
    }
}
