using System.CommandLine;
using System.Globalization;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Cli.Bench;
using AiGovernance.Cli.Bench.Detection;
using AiGovernance.Cli.Bench.Documents;
using Microsoft.Extensions.Configuration;

namespace AiGovernance.Cli.Commands;

public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks: approvals against the configured PostgreSQL cluster; detection quality and speed.");
        var clients = new Option<string>("--clients") { Description = "Comma-separated concurrency levels.", DefaultValueFactory = _ => "1,8,16" };
        var duration = new Option<int>("--duration") { Description = "Measured seconds per level (after warm-up).", DefaultValueFactory = _ => 15 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up seconds per level, not counted.", DefaultValueFactory = _ => 3 };
        var requisitions = new Option<int>("--requisitions")
        {
            Description = "Pending requisitions stocked for each measured phase; a level stops early when they run out. Default: twice what the warm-up rate needs.",
        };
        var url = new Option<string?>("--url")
        {
            Description = "Base URL of an already running API (same database and signing key); default: host the API in-process on a loopback port.",
        };
        var skipPgbench = new Option<bool>("--skip-pgbench") { Description = "Do not run pgbench." };
        var scale = new Option<int>("--pgbench-scale") { Description = "pgbench -i scale factor.", DefaultValueFactory = _ => 10 };
        var pgDb = new Option<string>("--pgbench-database") { Description = "Database pgbench initializes and uses.", DefaultValueFactory = _ => "aigov_pgbench" };

        var approvals = new Command("approvals",
            "End-to-end approvals per second and p50/p99 latency at several client counts, beside pgbench TPC-B on the same cluster.")
            { clients, duration, warmup, requisitions, url, skipPgbench, scale, pgDb };
        approvals.SetAction(async (parse, ct) =>
        {
            var levels = ParseLevels(parse.GetValue(clients)!);
            var measured = TimeSpan.FromSeconds(Positive(parse.GetValue(duration), "--duration"));
            var warm = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(warmup)));
            var perLevel = parse.GetValue(requisitions);
            void Progress(string m) => Console.Error.WriteLine($"[bench] {m}");

            PgBench? pg = null;
            string? pgUnavailable = parse.GetValue(skipPgbench) ? "skipped (--skip-pgbench)" : null;
            if (pgUnavailable is null)
                (pg, pgUnavailable) = PgBench.Locate(CliContext.Configuration.GetConnectionString("GovernanceSuper"), parse.GetValue(pgDb)!);
            if (pgUnavailable is not null) Progress($"pgbench: {pgUnavailable}");

            await using var owner = CliContext.OwnerDataSource();
            var tenant = await BenchTenant.CreateAsync(owner, Progress, ct);
            if (pg is not null)
            {
                try { await pg.InitializeAsync(Positive(parse.GetValue(scale), "--pgbench-scale"), Progress, ct); }
                catch (Exception ex) when (ex is CliException or Npgsql.NpgsqlException)
                {
                    pgUnavailable = $"initialization failed: {ex.Message}";
                    Progress($"pgbench: {pgUnavailable}");
                    pg = null;
                }
            }

            var target = parse.GetValue(url);
            await using var host = target is null ? await BenchHost.StartAsync(ct) : null;
            var baseAddress = host?.BaseAddress ?? new Uri(target!.TrimEnd('/') + "/");
            Progress(host is null ? $"targeting {baseAddress}" : $"API hosted in-process at {baseAddress}");
            var token = LocalTokenIssuer.Issue(CliContext.Auth(), tenant.Id, BenchTenant.Approver, [Roles.Approver], TimeSpan.FromHours(2), DateTimeOffset.UtcNow);
            using var http = ApprovalBench.CreateClient(baseAddress, token);

            var settings = new BenchSettings(levels, warm, measured, perLevel > 0 ? perLevel : null);
            var rows = await BenchRun.RunAsync(settings, owner, tenant, http, pg, Progress, ct);
            BenchReport.Print(Console.Out, rows, host is null ? baseAddress.ToString() : $"in-process API at {baseAddress}", pgUnavailable);
            // The bench tenant's PO releases and SLA timers would otherwise wait in the shared job queue for any
            // worker (or test runner) pointed at this database; the requisitions and the log stay, the jobs go.
            await using (var cleanup = owner.CreateCommand("DELETE FROM jobs WHERE tenant_id = $1"))
            {
                cleanup.Parameters.AddWithValue(tenant.Id);
                var removed = await cleanup.ExecuteNonQueryAsync(ct);
                Progress($"removed {removed} queued jobs of the bench tenant");
            }
            Console.WriteLine($"bench tenant: {tenant.Slug} ({tenant.Id}); its requisitions and decision log stay in the database");
            return rows.Any(r => r.Approvals.Approvals == 0) ? 2 : 0;
        });
        bench.Subcommands.Add(approvals);
        bench.Subcommands.Add(DetectionBenchCommand.Create());
        bench.Subcommands.Add(DocumentBenchCommand.Create());
        bench.Subcommands.Add(AiGovernance.Cli.Bench.Pages.PageBenchCommand.Create());
        bench.Subcommands.Add(AiGovernance.Cli.Bench.Retrain.RetrainBenchCommand.Create());
        bench.Subcommands.Add(AiGovernance.Cli.Bench.Triage.TriageBenchCommand.Create());
        return bench;
    }

    private static List<int> ParseLevels(string s)
    {
        var levels = new List<int>();
        foreach (var part in s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            levels.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1024
                ? n : throw new CliException($"--clients: '{part}' is not a client count between 1 and 1024"));
        return levels.Count > 0 ? levels : throw new CliException("--clients: give at least one client count, e.g. 1,8,16");
    }

    private static int Positive(int value, string name) => value > 0 ? value : throw new CliException($"{name} must be greater than 0");
}
