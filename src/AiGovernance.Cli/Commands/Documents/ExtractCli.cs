using System.CommandLine;
using AiGovernance.Agents.Documents;
using AiGovernance.Agents.Prompts;
using AiGovernance.Agents.Summaries;
using AiGovernance.Ml.Embeddings;

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
        var command = new Command("extract",
            "Read status, page count, document type, every field found with value, confidence, page and evidence, text addressed to an AI, and the extractive summary.")
            { files, json };
        command.SetAction(async (parse, ct) =>
        {
            var results = new List<ExtractResult>();
            var exit = 0;
            // The same pipeline the worker runs on uploads, with the offline (extractive) summary.
            var analyzer = new DocumentAnalyzer(new ExtractiveSummarizer(Embedders.Create(new EmbeddingOptions(), () => new HttpClient()),
                SummaryTemplates.Load(new PromptCatalog(PromptCatalog.Locate(null, AppContext.BaseDirectory)))));
            foreach (var path in parse.GetValue(files)!)
            {
                var result = await ExtractAsync(analyzer, path, ct);
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

    private static async Task<ExtractResult> ExtractAsync(DocumentAnalyzer analyzer, string path, CancellationToken ct)
    {
        if (!File.Exists(path)) return new ExtractResult(path, null, "file not found");
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ExtractResult(path, null, $"cannot be read: {ex.Message}");
        }
        return new ExtractResult(path, await analyzer.AnalyzeAsync(bytes, new DocumentReadOptions(), ct), null);
    }
}

/// <summary>One file's outcome: <see cref="Error"/> is set when the file itself could not be opened.</summary>
public sealed record ExtractResult(string Path, DocumentAnalysis? Analysis, string? Error)
{
    public ReadDocument? Read => Analysis?.Read;
    public DocumentFields Fields => Analysis?.Fields ?? DocumentFields.None;
}
