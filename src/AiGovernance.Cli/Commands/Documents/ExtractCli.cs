using System.CommandLine;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Cli.Commands.Documents;

/// <summary>
/// <c>aigov documents extract FILE.pdf... [--json]</c>. Each file is reported on its own; a file that is
/// missing or unreadable does not stop the others, but makes the exit code non-zero.
/// </summary>
public static class ExtractCli
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "PDF files to read.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON array (one object per file) instead of tables." };
        var command = new Command("extract", "Read status, page count, document type and every field found with value, confidence, page and evidence.")
            { files, json };
        command.SetAction(async (parse, ct) =>
        {
            var results = new List<ExtractResult>();
            var exit = 0;
            foreach (var path in parse.GetValue(files)!)
            {
                var result = await ExtractAsync(path, ct);
                if (result.Error is not null)
                {
                    Console.Error.WriteLine($"aigov: {path}: {result.Error}");
                    exit = 1;
                }
                results.Add(result);
                if (!parse.GetValue(json)) ExtractOutput.PrintText(result, Console.Out);
            }
            if (parse.GetValue(json)) ExtractOutput.PrintJson(results, Console.Out);
            return exit;
        });
        return command;
    }

    private static async Task<ExtractResult> ExtractAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) return new ExtractResult(path, null, DocumentFields.None, "file not found");
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ExtractResult(path, null, DocumentFields.None, $"cannot be read: {ex.Message}");
        }
        var read = await PdfDocumentReader.ReadAsync(bytes, new DocumentReadOptions(), ct);
        return new ExtractResult(path, read, FieldExtractor.Extract(read), null);
    }
}

/// <summary>One file's outcome: <see cref="Error"/> is set when the file itself could not be opened.</summary>
public sealed record ExtractResult(string Path, ReadDocument? Read, DocumentFields Fields, string? Error);
