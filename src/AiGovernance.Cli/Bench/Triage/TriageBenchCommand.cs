using System.CommandLine;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Bench.Triage;

/// <param name="SaveModel">When set, the Oxford-trained category model measured in this run is written to the registry and made active.</param>
public sealed record TriageBenchContext(string DataRoot, string ModelsRoot, TextWriter Output, IProgress<TrainingProgress> Progress, int Seed, bool Quick, bool SaveModel = false);

/// <summary><c>aigov bench triage [--part categories|ranking|latency|all]</c>: exception-triage quality on held-out (real or simulated-from-real) data, and latency.</summary>
public static class TriageBenchCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The real public data sets.", DefaultValueFactory = _ => SharedDataRoot.Default() };
        var modelsDir = new Option<string?>("--models-dir") { Description = "Model registry (default: the nearest models/ with a registry.json)." };
        var quick = new Option<bool>("--quick") { Description = "Small samples and one trainer: a smoke run, figures not comparable." };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };
        var part = new Option<string>("--part") { Description = "Which part to run: categories | ranking | latency | all.", DefaultValueFactory = _ => "all" };
        part.AcceptOnlyFromAmong("categories", "ranking", "latency", "all");
        var events = new Option<int>("--events") { Description = "Events measured per worker mode (latency part).", DefaultValueFactory = _ => 30 };
        var writeDataset = new Option<string?>("--write-dataset") { Description = "Ranking part: write the simulated decided exceptions (train.csv, eval.csv) to this directory." };
        var save = new Option<bool>("--save-model") { Description = "Write the Oxford category model measured here to models/category/<version> and make it active." };
        var command = new Command("triage", "Category suggestion macro-F1 and accuracy on held-out real labels (USAID, Oxford) beside majority and lookup baselines; NDCG@10 of the triage order on a held-out simulated month beside FIFO and largest-amount-first; exception latency (event → inbox) with woken vs polling workers.")
            { data, modelsDir, quick, seed, part, save, events, writeDataset };
        command.SetAction(async (parse, ct) =>
        {
            var root = Path.GetFullPath(parse.GetValue(data)!);
            var context = new TriageBenchContext(root, ModelRegistry.Locate(parse.GetValue(modelsDir), Directory.GetCurrentDirectory()),
                Console.Out, new ConsoleProgress(), parse.GetValue(seed), parse.GetValue(quick), parse.GetValue(save));
            var exit = 0;
            if (parse.GetValue(part) is "categories" or "all") exit |= await CategoryBench.RunAsync(context, ct);
            if (parse.GetValue(part) is "ranking" or "all")
            {
                if (parse.GetValue(part) == "all") Console.Out.WriteLine();
                exit |= RankingBench.Run(context, parse.GetValue(writeDataset) is { } w ? Path.GetFullPath(w) : null);
            }
            // The latency part needs the database (the configured connection strings); categories need only the data sets.
            if (parse.GetValue(part) is "latency" or "all")
                exit |= await ExceptionLatencyBench.RunAsync(Console.Out, Math.Max(1, parse.GetValue(events)), m => Console.Error.WriteLine($"[bench] {m}"), ct);
            return exit;
        });
        return command;
    }
}
