using System.CommandLine;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Bench.Detection;

/// <summary>
/// <c>aigov bench detection</c>: detector quality on held-out real data beside baselines, training time,
/// then the service-side figures (import rate, scoring latency) on the configured database.
/// </summary>
public static class DetectionBenchCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The real public data sets.", DefaultValueFactory = _ => SharedDataRoot.Default() };
        var modelsDir = new Option<string?>("--models-dir") { Description = "Model registry (default: the nearest models/ with a registry.json)." };
        var quick = new Option<bool>("--quick") { Description = "Small samples: a smoke run in about a minute, figures not comparable." };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };
        var only = new Option<string?>("--only") { Description = "Run one part: duplicates | price-variance | service." };
        only.AcceptOnlyFromAmong("duplicates", "price-variance", "service");
        var command = new Command("detection",
            "Duplicate F1 and price-variance precision/recall on held-out real data beside baselines; training time; history import rate and scoring p99 on the database.")
            { data, modelsDir, quick, seed, only };
        command.SetAction(async (parse, ct) =>
        {
            var root = Path.GetFullPath(parse.GetValue(data)!);
            if (!Directory.Exists(root))
                throw new CliException($"{root}: the real data sets are not there (see ../shared/data/README.md); pass --data DIR");
            var context = new DetectionBenchContext(root, ModelRegistry.Locate(parse.GetValue(modelsDir), Directory.GetCurrentDirectory()),
                Console.Out, new ConsoleProgress(), parse.GetValue(seed), parse.GetValue(quick));
            var part = parse.GetValue(only);
            var exit = 0;
            if (part is null or "duplicates") exit |= await DuplicateBench.RunAsync(context, ct);
            if (part is null or "price-variance") exit |= await PriceVarianceBench.RunAsync(context, ct);
            if (part is null or "service") exit |= await ScoringBench.RunAsync(context, ct);
            return exit;
        });
        return command;
    }
}
