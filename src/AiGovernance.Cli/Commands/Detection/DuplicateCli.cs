using System.CommandLine;
using AiGovernance.Ml.Duplicates.Dataset;
using AiGovernance.Ml.Embeddings;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Commands.Detection;

/// <summary><c>aigov detect duplicates</c> and <c>aigov datasets duplicates</c>.</summary>
public static class DuplicateCli
{
    public static Command Detect()
    {
        var input = new Option<string>("--input") { Description = "CSV with id, supplier, description, amount, date (and optionally supplier_id, reference, currency, requester, cost_center).", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write the flagged pairs (id_a, id_b, probability, reasons).", Required = true };
        var modelDir = new Option<string?>("--model") { Description = "A model directory (default: the active duplicate model, else the newest under models/duplicate)." };
        var modelsRoot = new Option<string?>("--models-dir") { Description = "The model registry directory (default: the nearest models/ with a registry.json, else ./models)." };
        var strict = new Option<bool>("--strict") { Description = "Reject the whole file on the first bad row (exit code 1, nothing written)." };
        var noEmbeddings = new Option<bool>("--no-embeddings") { Description = "Compare descriptions by token trigrams instead of MiniLM embeddings (faster, weaker on free text)." };
        var thresholds = new Option<string?>("--split-thresholds") { Description = "Approval thresholds of the active policy, e.g. 5000,25000: also report split purchases." };
        var window = new Option<int>("--split-window-days") { Description = "Window for split purchases.", DefaultValueFactory = _ => 30 };
        var splitsOutput = new Option<string?>("--splits-output") { Description = "Where to write split-purchase findings (default: <output>.splits.csv when --split-thresholds is given)." };
        var allPairs = new Option<bool>("--all-pairs") { Description = "Report every pair above the threshold, not only each record's best earlier match." };
        var command = new Command("duplicates", "Flag probable duplicate pairs (and optionally split purchases) in a CSV file.")
            { input, output, modelDir, modelsRoot, strict, noEmbeddings, thresholds, window, splitsOutput, allPairs };
        command.SetAction((parse, ct) => DuplicateDetectRun.RunAsync(new DuplicateDetectOptions(
            parse.GetValue(input)!, parse.GetValue(output)!, ResolveModel(parse.GetValue(modelDir), parse.GetValue(modelsRoot)),
            parse.GetValue(strict), !parse.GetValue(noEmbeddings), DuplicateDetectRun.ParseThresholds(parse.GetValue(thresholds)),
            parse.GetValue(window), parse.GetValue(splitsOutput), parse.GetValue(allPairs)), ct));
        return command;
    }

    public static Command Dataset()
    {
        var source = new Option<string>("--source") { Description = "The shared real-data directory (holding oxford-spend/ and abt-buy/).", DefaultValueFactory = _ => "../shared/data" };
        var outDir = new Option<string>("--out") { Description = "Output directory.", DefaultValueFactory = _ => "datasets/duplicate" };
        var seed = new Option<int>("--seed") { Description = "Seed for injection and sampling.", DefaultValueFactory = _ => 42 };
        var command = new Command("duplicates", "Build datasets/duplicate from the real data: Oxford spend with injected duplicates (train 2014-16, eval 2017-18) and the Abt-Buy halves.")
            { source, outDir, seed };
        command.SetAction(async (parse, ct) =>
        {
            var root = parse.GetValue(source)!;
            if (!Directory.Exists(root)) throw new CliException($"{Path.GetFullPath(root)} does not exist: pass --source <the shared data directory with oxford-spend/ and abt-buy/>");
            var dir = parse.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            var bars = new ConsoleProgress();
            using var embedder = new MiniLmEmbedder();
            IReadOnlyList<string> lines;
            try
            {
                lines = await DuplicateDatasetBuilder.BuildAsync(root, dir, parse.GetValue(seed), embedder,
                    new SyncProgress(p => bars.Report(new TrainingProgress(p.Stage, p.Done, p.Total))), ct);
            }
            catch (FileNotFoundException ex) { throw new CliException(ex.Message); }
            foreach (var l in lines) Console.WriteLine(l);
            Console.WriteLine($"written to {Path.GetFullPath(dir)} (see README.md there for provenance and licences)");
        });
        return command;
    }

    /// <summary>The model directory to use: explicit, else the registry's active version, else the newest version on disk.</summary>
    public static string ResolveModel(string? explicitDir, string? modelsRoot)
    {
        if (explicitDir is not null) return explicitDir;
        var registry = new ModelRegistry(ModelRegistry.Locate(modelsRoot, Directory.GetCurrentDirectory()));
        var version = registry.ActiveVersion("duplicate") ?? registry.Versions("duplicate").LastOrDefault()
            ?? throw new CliException($"no duplicate model under {registry.Root}; pass --model <dir> or train one with 'aigov models train --kind duplicate'");
        return registry.DirectoryOf("duplicate", version);
    }

    private sealed class SyncProgress(Action<(string Stage, int Done, int Total)> report) : IProgress<(string Stage, int Done, int Total)>
    {
        public void Report((string Stage, int Done, int Total) value) => report(value);
    }
}
