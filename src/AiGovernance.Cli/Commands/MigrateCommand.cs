using System.CommandLine;
using AiGovernance.Data;
using AiGovernance.Data.Schema;
using Microsoft.Extensions.Configuration;

namespace AiGovernance.Cli.Commands;

public static class MigrateCommand
{
    public static Command Create()
    {
        var cmd = new Command("migrate", "Apply pending schema migrations (connects with ConnectionStrings__GovernanceOwner, else ConnectionStrings__Governance).");
        cmd.SetAction(async (_, ct) =>
        {
            var role = CliContext.Configuration[$"{GovernanceDataOptions.SectionName}:AppRole"] ?? new GovernanceDataOptions().AppRole;
            var result = await Migrator.MigrateAsync(DataHostingExtensions.OwnerConnectionString(CliContext.Configuration), role,
                m => Console.Error.WriteLine($"[migrate] {m}"), ct);
            Console.WriteLine($"migrations: {result.Applied.Count} applied, {result.AlreadyApplied.Count} already up to date");
            return 0;
        });
        return cmd;
    }
}
