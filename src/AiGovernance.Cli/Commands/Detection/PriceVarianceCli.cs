using System.CommandLine;
using System.Diagnostics;
using AiGovernance.Ml.PriceVariance;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Commands.Detection;

/// <summary><c>aigov detect price-variance</c> and <c>aigov datasets price-variance</c>.</summary>
public static class PriceVarianceCli
{
    public static Command Detect()
    {
        var input = new Option<string>("--input") { Description = "CSV: id, item, description, supplier, quantity, uom, unit_price, currency, date (yyyy-MM-dd) [, contract_price, category].", Required = true };
        var output = new Option<string>("--output") { Description = "Where flags.csv is written: id, expected_price, variance_pct, score, flagged, reasons.", Required = true };
        var model = new Option<string?>("--model") { Description = "A model directory (default: the active price-variance version, else the newest under models/)." };
        var modelsDir = new Option<string?>("--models-dir") { Description = "The model registry directory (default: the nearest models/ with a registry.json)." };
        var strict = new Option<bool>("--strict") { Description = "Reject the whole file (exit code 1, nothing written) on the first bad row." };
        var command = new Command("price-variance",
            "Score each line's unit price against the contract price, earlier lines of the item (streamed in date order) or the regression, and write flags.csv.")
            { input, output, model, modelsDir, strict };
        command.SetAction((parse, ct) => Task.Run(() =>
        {
            var detector = LoadModel(parse.GetValue(model), parse.GetValue(modelsDir));
            var inputPath = parse.GetValue(input)!;
            if (!File.Exists(inputPath)) throw new CliException($"{inputPath}: no such file");
            var clock = Stopwatch.StartNew();
            var badRows = 0;
            List<LabelledPriceLine> lines;
            try
            {
                lines = PriceLineCsv.ReadFile(inputPath, parse.GetValue(strict) ? null : w =>
                {
                    badRows++;
                    Console.Error.WriteLine($"warning: {inputPath}: {w} (skipped)");
                }).ToList();
            }
            catch (FormatException ex) { throw new CliException($"{inputPath}: {ex.Message}; nothing written"); }
            var results = PriceVarianceDetection.Run(detector, lines.Select(l => l.Line).ToList(), new ConsoleProgress(), ct);
            PriceVarianceDetection.WriteFlags(parse.GetValue(output)!, results);
            var flagged = results.Count(r => r.Flagged);
            Console.WriteLine($"price-variance {detector.Version}: {results.Count:N0} lines scored, {flagged:N0} flagged, {badRows:N0} bad rows skipped, "
                + $"{clock.Elapsed.TotalSeconds:0.0} s; wrote {parse.GetValue(output)}");
            return 0;
        }, ct));
        return command;
    }

    public static Command Dataset()
    {
        var source = new Option<string>("--source") { Description = "The shared real data directory (holding usaid-scms-po-lines/ and uci-online-retail/).", DefaultValueFactory = _ => "../shared/data" };
        var outDir = new Option<string>("--out") { Description = "Output directory.", DefaultValueFactory = _ => "datasets/price-variance" };
        var seed = new Option<int>("--seed") { Description = "Seed of the anomaly generator.", DefaultValueFactory = _ => 42 };
        var command = new Command("price-variance",
            "Rebuild datasets/price-variance (train.csv, eval.csv) from the real USAID SCMS and UCI Online Retail lines with labelled, injected price anomalies.")
            { source, outDir, seed };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(source)!;
            foreach (var file in new[] { PriceDataSources.UsaidFile, PriceDataSources.UciFile })
                if (!File.Exists(Path.Combine(root, file))) throw new CliException($"{Path.Combine(root, file)} is missing: --source must be the shared real data directory");
            var (usaid, uci) = PriceDatasetBuilder.BuildCommitted(root, parse.GetValue(seed));
            var (train, eval) = PriceDatasetBuilder.Write(parse.GetValue(outDir)!, usaid, uci);
            foreach (var (name, split) in new[] { ("usaid-scms", usaid), ("uci-online-retail", uci) })
                Console.WriteLine($"{name}: {split.Train.Count:N0} train lines, {split.Eval.Count:N0} eval lines from {split.EvalFrom:yyyy-MM-dd}; "
                    + $"{split.Train.Concat(split.Eval).Count(l => l.IsAnomaly):N0} anomalies, {split.Train.Concat(split.Eval).Count(l => l.Anomaly == AnomalyKinds.Drift):N0} drifted lines");
            Console.WriteLine($"wrote {train} ({new FileInfo(train).Length:N0} bytes) and {eval} ({new FileInfo(eval).Length:N0} bytes)");
        });
        return command;
    }

    /// <summary>An explicit model directory, else the registry's active version, else the newest trained version.</summary>
    public static PriceVarianceModel LoadModel(string? modelDirectory, string? modelsDir)
    {
        if (modelDirectory is null)
        {
            var registry = new ModelRegistry(ModelRegistry.Locate(modelsDir, Directory.GetCurrentDirectory()));
            var version = registry.ActiveVersion("price-variance") ?? registry.Versions("price-variance").LastOrDefault()
                ?? throw new CliException($"no price-variance model under {registry.Root}; pass --model or train one (aigov models train --kind price-variance)");
            modelDirectory = registry.DirectoryOf("price-variance", version);
        }
        try { return PriceVarianceModel.Load(modelDirectory); }
        catch (InvalidDataException ex) { throw new CliException(ex.Message); }
    }
}
