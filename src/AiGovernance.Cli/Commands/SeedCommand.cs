using System.CommandLine;
using AiGovernance.Data.Seed;

namespace AiGovernance.Cli.Commands;

public static class SeedCommand
{
    public static Command Create()
    {
        var seed = new Command("seed", "Seed data.");
        var demo = new Command("demo", "Create the demo tenant (master data, default policy, purchase history from the USAID SCMS sample) unless it exists.");
        demo.SetAction(async (_, ct) =>
        {
            await using var owner = CliContext.OwnerDataSource();
            var r = await DemoSeeder.SeedAsync(owner, TimeProvider.System, m => Console.Error.WriteLine($"[seed] {m}"), ct);
            Console.WriteLine(r.Created
                ? $"demo tenant created: {r.Tenant.Slug} ({r.Tenant.Id}), {r.HistoryRequisitions} historical and {r.LiveRequisitions} live requisitions"
                : $"demo tenant already present: {r.Tenant.Slug} ({r.Tenant.Id})");
            return 0;
        });
        seed.Subcommands.Add(demo);
        return seed;
    }
}
