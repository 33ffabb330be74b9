using System.CommandLine;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Cli.Commands.Models;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Commands;

/// <summary><c>aigov models list | train | evaluate | activate | describe-scores</c>, plus the promotion commands: the model registry in <c>models/</c>.</summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var models = new Command("models", "Detection models: list, train, evaluate, activate.");
        var kind = new Option<string>("--kind") { Description = $"Model kind: {string.Join(" | ", DetectorTrainers.Kinds)}.", Required = true };
        kind.AcceptOnlyFromAmong([.. DetectorTrainers.Kinds]);
        var dir = new Option<string?>("--models-dir") { Description = "The model registry directory (default: the nearest models/ with a registry.json)." };
        var dataset = new Option<string?>("--dataset") { Description = "Labelled CSV (default: datasets/<kind>/train.csv, or eval.csv for evaluate); for train also an outcome snapshot directory (aigov outcomes export)." };
        var version = new Option<string?>("--version") { Description = "Version id (train: default date.N; evaluate: default the active one)." };
        var activate = new Option<bool>("--activate") { Description = "Name the trained version active in registry.json." };
        var strict = new Option<bool>("--strict") { Description = "Reject the whole file on the first bad row instead of skipping it with a warning." };
        var seed = new Option<int>("--seed") { Description = "Random seed for splits and trainers.", DefaultValueFactory = _ => 42 };
        var withBase = new Option<string?>("--with-base")
        {
            Description = "With an outcome snapshot: also train on the base training set (default datasets/<kind>/train.csv; or give a CSV).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var quick = new Option<bool>("--quick") { Description = "With an outcome snapshot: a smaller sweep on 3 folds." };
        var noEmbeddings = new Option<bool>("--no-embeddings") { Description = "With a duplicate outcome snapshot: token trigrams only, no MiniLM." };

        var list = new Command("list", "Versions of every kind, marking the active one.") { dir };
        list.SetAction(parse =>
        {
            var registry = Registry(parse.GetValue(dir));
            Console.WriteLine($"registry: {registry.RegistryFile}");
            foreach (var k in DetectorTrainers.Kinds)
            {
                var active = registry.ActiveVersion(k);
                foreach (var v in registry.Versions(k)) Console.WriteLine($"{k,-16} {v,-16} {(v == active ? "active" : "")}");
            }
        });

        var train = new Command("train", "Train a model on a labelled dataset; writes models/<kind>/<version>/ with model.zip, metrics.json, card.md.")
            { kind, dir, dataset, version, activate, strict, seed, withBase, quick, noEmbeddings };
        train.SetAction(async (parse, ct) =>
        {
            var k = parse.GetValue(kind)!;
            var registry = Registry(parse.GetValue(dir));
            var v = parse.GetValue(version) ?? registry.NextVersion(k, DateTimeOffset.UtcNow);
            if (parse.GetValue(dataset) is { } given && Directory.Exists(given))
            {
                // An outcome snapshot: a challenger compared with the champion, never activated here.
                if (parse.GetValue(activate)) throw new CliException("--activate does not apply to a challenger trained on an outcome snapshot; request a promotion");
                var request = new ChallengerRequest(k, Path.GetFullPath(given), registry, v, parse.GetValue(seed),
                    parse.GetResult(withBase) is null ? null : Path.GetFullPath(DatasetPath(parse.GetValue(withBase), k, "train.csv")),
                    parse.GetValue(quick), !parse.GetValue(noEmbeddings));
                var run = await ChallengerTraining.RunAsync(request, new ConsoleProgress(), Console.Out, ct);
                ChallengerSummary.Print(run.Comparison, registry.DirectoryOf(k, v), Console.Out);
                return;
            }
            var data = DatasetPath(parse.GetValue(dataset), k, "train.csv");
            var trainer = parse.GetValue(quick) || parse.GetValue(noEmbeddings) ? DetectorTrainers.For(k, parse.GetValue(quick), !parse.GetValue(noEmbeddings)) : DetectorTrainers.For(k);
            var report = await trainer.TrainAsync(
                new TrainingRequest(data, registry.DirectoryOf(k, v), v, parse.GetValue(seed), parse.GetValue(strict)), new ConsoleProgress(), ct);
            ConsoleProgress.PrintReport(report, Console.Out);
            if (parse.GetValue(activate))
            {
                registry.SetActive(k, v);
                Console.WriteLine($"{k} {v} is now active in {registry.RegistryFile}");
            }
        });

        var evaluate = new Command("evaluate", "Evaluate a model version on a labelled dataset and print its metrics.") { kind, dir, dataset, version, strict };
        evaluate.SetAction(async (parse, ct) =>
        {
            var k = parse.GetValue(kind)!;
            var registry = Registry(parse.GetValue(dir));
            var v = parse.GetValue(version) ?? registry.ActiveVersion(k)
                ?? throw new CliException($"no active {k} model in {registry.RegistryFile}; pass --version");
            var modelDir = registry.DirectoryOf(k, v);
            if (!Directory.Exists(modelDir)) throw new CliException($"{k} version {v} does not exist under {registry.Root}");
            var report = await DetectorTrainers.For(k).EvaluateAsync(
                new EvaluationRequest(modelDir, DatasetPath(parse.GetValue(dataset), k, "eval.csv"), parse.GetValue(strict)), new ConsoleProgress(), ct);
            ConsoleProgress.PrintReport(report, Console.Out);
        });

        var versionArg = new Argument<string>("version") { Description = "The version to make active." };
        var activateCmd = new Command("activate", "Name a trained version active in registry.json (running services reload it).") { kind, dir, versionArg };
        activateCmd.SetAction(parse =>
        {
            var registry = Registry(parse.GetValue(dir));
            try { registry.SetActive(parse.GetValue(kind)!, parse.GetValue(versionArg)!); }
            catch (InvalidOperationException ex) { throw new CliException(ex.Message); }
            Console.WriteLine($"{parse.GetValue(kind)} {parse.GetValue(versionArg)} is now active in {registry.RegistryFile}");
        });

        var describe = new Command("describe-scores",
            "Score a version's evaluation data with the version itself and write score_distribution (the drift reference) into its metrics.json.")
            { kind, dir, dataset, version, strict };
        describe.SetAction(async (parse, ct) =>
        {
            var k = parse.GetValue(kind)!;
            var registry = Registry(parse.GetValue(dir));
            var v = parse.GetValue(version) ?? registry.ActiveVersion(k) ?? throw new CliException($"no active {k} model in {registry.RegistryFile}; pass --version");
            var modelDir = registry.DirectoryOf(k, v);
            if (!Directory.Exists(modelDir)) throw new CliException($"{k} version {v} does not exist under {registry.Root}");
            var data = DatasetPath(parse.GetValue(dataset), k, "eval.csv");
            var scores = await DetectorTrainers.For(k).ScoreDatasetAsync(new EvaluationRequest(modelDir, data, parse.GetValue(strict)), new ConsoleProgress(), ct);
            var source = $"{Path.GetFileName(data)} ({scores.Count} scores), recomputed by aigov models describe-scores";
            AiGovernance.Ml.Drift.ScoreDistribution.WriteInto(modelDir, scores, source);
            var d = AiGovernance.Ml.Drift.PopulationStability.Reference(scores);
            Console.WriteLine($"{k} {v}: {scores.Count} scores from {data}, mean {d.Mean:0.####}, {d.Edges.Count + 1} bins; written to {Path.Combine(modelDir, "metrics.json")}");
        });

        models.Subcommands.Add(list);
        models.Subcommands.Add(describe);
        models.Subcommands.Add(train);
        models.Subcommands.Add(evaluate);
        models.Subcommands.Add(activateCmd);
        foreach (var promotion in PromotionCommands.Create()) models.Subcommands.Add(promotion);
        return models;
    }

    private static ModelRegistry Registry(string? configured) =>
        new(ModelRegistry.Locate(configured, Directory.GetCurrentDirectory()));

    private static string DatasetPath(string? given, string kind, string file)
    {
        var path = given ?? Path.Combine(Path.GetDirectoryName(ModelRegistry.Locate(null, Directory.GetCurrentDirectory()))!, "datasets", kind, file);
        return File.Exists(path) ? path : throw new CliException($"{path}: no such dataset file");
    }
}
