using System.CommandLine;
using AiGovernance.Cli.Commands.Documents;

namespace AiGovernance.Cli.Commands;

/// <summary><c>aigov documents extract</c>: read supplier PDFs and show the fields found, with evidence.</summary>
public static class DocumentsCommand
{
    public static Command Create()
    {
        var documents = new Command("documents", "Read supplier documents (PDF) and extract their fields; no database needed.");
        documents.Subcommands.Add(ExtractCli.Create());
        return documents;
    }
}
