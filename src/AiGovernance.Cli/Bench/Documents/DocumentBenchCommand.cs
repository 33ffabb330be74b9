using System.CommandLine;

namespace AiGovernance.Cli.Bench.Documents;

/// <summary><c>aigov bench documents</c>: field accuracy on the public invoice sets, then speed beside pdftotext.</summary>
public static class DocumentBenchCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The real public data sets (default: the nearest shared/data above the current directory).", DefaultValueFactory = _ => SharedDataRoot.Default() };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed passes over the files for the speed comparison.", DefaultValueFactory = _ => 5 };
        var command = new Command("documents",
            "Invoice field accuracy (invoice2data, parsee-invoices) against their expected values, and pages/s beside poppler's pdftotext.")
            { data, repetitions };
        command.SetAction(async (parse, ct) =>
        {
            var root = Path.GetFullPath(parse.GetValue(data)!);
            if (!Directory.Exists(root))
                throw new CliException($"{root}: the real data sets are not there (see ../shared/data/README.md); pass --data DIR");
            var docs = ExpectedDocuments.Load(root);
            if (docs.Count == 0)
                throw new CliException($"{root}: no invoice2data/compare/*.pdf or parsee-invoices/expected_fields.csv found");
            var reps = parse.GetValue(repetitions);
            if (reps <= 0) throw new CliException("--repetitions must be greater than 0");

            DocumentQualityBench.Run(docs, Console.Out, ct);
            await DocumentSpeedBench.RunAsync(docs.Select(d => d.Path).ToList(), reps, Console.Out, ct);
            return 0;
        });
        return command;
    }
}
