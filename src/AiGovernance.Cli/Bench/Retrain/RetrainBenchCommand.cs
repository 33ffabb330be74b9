using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Cli.Commands.Outcomes;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Bench.Retrain;

/// <summary>
/// <c>aigov bench retrain</c>: plants N reviewer outcomes in a fresh tenant, then times the loop a data team runs —
/// export a snapshot, train a challenger, evaluate it and the champion on the later period — and prints the change.
/// The champion is the active duplicate model, copied into a private registry so the real one is never written.
/// </summary>
public static class RetrainBenchCommand
{
    public static Command Create()
    {
        var outcomes = new Option<int>("--outcomes") { Description = "Reviewer outcomes to plant and export.", DefaultValueFactory = _ => 100_000 };
        var quick = new Option<bool>("--quick") { Description = "The smaller sweep on 3 folds instead of the full 9-candidate, 5-fold sweep." };
        var noEmbeddings = new Option<bool>("--no-embeddings") { Description = "Token trigrams only (no MiniLM)." };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };
        var modelsDir = new Option<string?>("--models-dir") { Description = "Where the champion comes from (default: the nearest models/ with a registry.json)." };
        var command = new Command("retrain", "Time to export + retrain + evaluate on N synthetic reviewer outcomes, and the champion → challenger change.")
            { outcomes, quick, noEmbeddings, seed, modelsDir };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(outcomes);
            if (n < 100) throw new CliException("--outcomes must be at least 100");
            void Progress(string m) => Console.Error.WriteLine($"[bench] {m}");
            var registry = new ModelRegistry(ModelRegistry.Locate(parse.GetValue(modelsDir), Directory.GetCurrentDirectory()));
            var champion = registry.ActiveVersion("duplicate") ?? throw new CliException($"no active duplicate model in {registry.RegistryFile}");
            var datasets = Path.Combine(Path.GetDirectoryName(registry.Root)!, "datasets", "duplicate");
            var pairs = new[] { "train.csv", "eval.csv" }.SelectMany(f => LabelledPairCsv.Read(Path.Combine(datasets, f), strict: true, _ => { })).ToList();
            var planted = SyntheticOutcomes.From(pairs, n, parse.GetValue(seed));

            await using var owner = CliContext.OwnerDataSource();
            var tenant = await BenchTenant.CreateAsync(owner, Progress, ct);
            var watch = Stopwatch.StartNew();
            await OutcomeSeeder.SeedDuplicatesAsync(owner, tenant.Id, planted, unflagged: Math.Min(5_000, n / 10), ct);
            var seedSeconds = watch.Elapsed.TotalSeconds;
            Progress($"planted {planted.Count:N0} decided recommendations ({2 * planted.Count:N0} requisitions) in {seedSeconds:0.0} s");

            var work = Directory.CreateTempSubdirectory("aigov-retrain-bench-").FullName;
            try
            {
                watch.Restart();
                var snapshot = await OutcomeExport.BuildAsync(owner, new OutcomeExportRequest("duplicate", null, null, [tenant.Slug], Seed: parse.GetValue(seed)), Progress, ct);
                var snapshotDir = Path.Combine(work, "outcomes", "duplicate", "bench");
                var manifest = OutcomeExport.Write(snapshotDir, snapshot);
                var exportSeconds = watch.Elapsed.TotalSeconds;

                var privateRegistry = new ModelRegistry(Path.Combine(work, "models"));
                var championDir = privateRegistry.DirectoryOf("duplicate", champion);
                Directory.CreateDirectory(championDir);
                foreach (var file in Directory.GetFiles(registry.DirectoryOf("duplicate", champion))) File.Copy(file, Path.Combine(championDir, Path.GetFileName(file)));
                privateRegistry.SetActive("duplicate", champion);

                var run = await ChallengerTraining.RunAsync(new ChallengerRequest("duplicate", snapshotDir, privateRegistry, "bench-challenger",
                    parse.GetValue(seed), null, parse.GetValue(quick), !parse.GetValue(noEmbeddings)), new ConsoleProgress(), TextWriter.Null, ct);

                var o = Console.Out;
                o.WriteLine($"retrain bench: {planted.Count:N0} reviewer outcomes (tenant {tenant.Slug}); sweep: {(parse.GetValue(quick) ? "quick (4 candidates, 3 folds)" : "full (9 candidates, 5 folds)")}; embeddings: {(parse.GetValue(noEmbeddings) ? "off" : "MiniLM")}; {Environment.ProcessorCount} cores");
                ConsoleProgress.PrintTable(
                [
                    ["step", "rows", "seconds"],
                    ["plant outcomes (not part of the loop)", N(planted.Count), S(seedSeconds)],
                    ["export snapshot", N(snapshot.TrainRows.Count + snapshot.EvalRows.Count), S(exportSeconds)],
                    ["retrain challenger (sweep + fit)", N(snapshot.TrainRows.Count), S(run.TrainSeconds)],
                    ["evaluate challenger + champion", N(snapshot.EvalRows.Count), S(run.EvaluateSeconds)],
                    ["export + retrain + evaluate", "", S(exportSeconds + run.TrainSeconds + run.EvaluateSeconds)],
                ], o);
                o.WriteLine($"snapshot sha256 {manifest["snapshot_sha256"]}, split at {manifest["time_range"]?["split_at"]}");
                ChallengerSummary.Print(run.Comparison, privateRegistry.DirectoryOf("duplicate", "bench-challenger"), o);
            }
            finally { Directory.Delete(work, recursive: true); }
            Console.WriteLine($"bench tenant: {tenant.Slug} ({tenant.Id}); its planted outcomes stay in the database");
        });
        return command;
    }

    private static string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string S(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
