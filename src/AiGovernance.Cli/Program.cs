using System.CommandLine;
using AiGovernance.Cli;
using AiGovernance.Cli.Commands;

var root = new RootCommand("aigov — AiGovernance administration: schema, seed data, policies, tokens, decision-log audit, detection models, datasets and benchmarks.");
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(PolicyCommand.Create());
root.Subcommands.Add(TokensCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(DetectCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
root.Subcommands.Add(DatasetsCommand.Create());
root.Subcommands.Add(HistoryCommand.Create());
root.Subcommands.Add(DocumentsCommand.Create());
root.Subcommands.Add(OutcomesCommand.Create());
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CliException ex)
{
    Console.Error.WriteLine($"aigov: {ex.Message}");
    return 1;
}
