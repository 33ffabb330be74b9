using System.CommandLine;
using System.Globalization;
using AiGovernance.Api.Infrastructure;

namespace AiGovernance.Cli.Bench.Pages;

/// <summary>
/// <c>aigov bench pages</c>: server render time of every workspace page in a tenant holding many
/// requisitions, beside the JSON API endpoint that reads the same data (the baseline) in the same run.
/// </summary>
public static class PageBenchCommand
{
    private sealed record Target(string Page, string Path, string User, string Role, string? Baseline);

    public const double GoalMs = 300;

    public static Command Create()
    {
        var requisitions = new Option<int>("--requisitions") { Description = "Pending requisitions in the bench tenant.", DefaultValueFactory = _ => 10_000 };
        var samples = new Option<int>("--samples") { Description = "Measured requests per page (after 5 warm-up requests).", DefaultValueFactory = _ => 30 };
        var command = new Command("pages",
            $"Workspace pages' server time (p50/p95, Server-Timing) with N requisitions in the tenant, beside the JSON API for the same data; goal p95 < {GoalMs} ms.")
            { requisitions, samples };
        command.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(requisitions);
            var n = parse.GetValue(samples);
            if (count <= 0 || n <= 0) throw new CliException("--requisitions and --samples must be greater than 0");
            void Progress(string m) => Console.Error.WriteLine($"[bench] {m}");

            await using var owner = CliContext.OwnerDataSource();
            var tenant = await BenchTenant.CreateAsync(owner, Progress, ct);
            var ids = await BenchTenant.SubmitPendingAsync(owner, tenant, count, Progress, ct);
            await using var host = await BenchHost.StartAsync(ct, new Dictionary<string, string?>
            {
                ["Governance:Web:DevSignIn"] = "true",
                // The bench tenant's jobs are not what is measured; a worker loop would compete for the two cores.
                ["Governance:Worker:Enabled"] = "false",
            });
            Progress($"API and pages hosted in-process at {host.BaseAddress}");

            var middle = ids[ids.Count / 2];
            Target[] targets =
            [
                new("Approval queue", "/queue", BenchTenant.Approver, Roles.Approver, "/api/approvals/queue?limit=300"),
                new("Requisition", $"/requisitions/{middle}", BenchTenant.Approver, Roles.Approver, $"/api/requisitions/{middle}"),
                new("Decision log", "/decision-log", "u-hannah", Roles.Compliance, "/api/decision-log?limit=50"),
                new("Follow-ups", "/follow-ups", "u-felix", Roles.ProcurementOps, "/api/recommendations?status=pending&kind=followup.message"),
                new("Operations dashboard", "/operations", "u-felix", Roles.ProcurementOps, null),
                new("Administration: policies", "/admin/policies", "u-julia", Roles.Admin, "/api/policies"),
            ];

            var o = Console.Out;
            o.WriteLine();
            o.WriteLine($"Workspace pages with {count:N0} requisitions in the tenant ({n} requests each, sequential; server time from Server-Timing)");
            o.WriteLine($"{"page",-26} {"p50 ms",8} {"p95 ms",8} {"KiB",6}   {"JSON API baseline",-46} {"p50 ms",8} {"ratio",6}  goal p95<{GoalMs:0}");
            var failed = false;
            foreach (var t in targets)
            {
                using var session = await WorkspaceSession.SignInAsync(host.BaseAddress, tenant.Slug, t.User, ct);
                var page = await PageTimer.MeasureAsync(session, t.Path, 5, n, ct);
                if (page.Status != 200)
                {
                    o.WriteLine($"{t.Page,-26} answered {page.Status}: not measured");
                    failed = true;
                    continue;
                }
                var baseline = "";
                if (t.Baseline is not null)
                {
                    using var api = ApprovalBench.CreateClient(host.BaseAddress,
                        LocalTokenIssuer.Issue(CliContext.Auth(), tenant.Id, t.User, [t.Role], TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
                    var json = await PageTimer.MeasureAsync(api, t.Baseline, 5, n, ct);
                    baseline = json.Status == 200
                        ? $"{t.Baseline,-46} {Ms(json.Server.P50),8} {(page.Server.P50 / json.Server.P50).ToString("0.00", CultureInfo.InvariantCulture),6}"
                        : $"{t.Baseline,-46} answered {json.Status}";
                }
                else baseline = $"{"(no JSON equivalent)",-46} {"",8} {"",6}";
                var met = page.Server.Percentile(95) < GoalMs ? "met" : "MISSED";
                o.WriteLine($"{t.Page,-26} {Ms(page.Server.P50),8} {Ms(page.Server.Percentile(95)),8} {page.Bytes / 1024.0,6:0.0}   {baseline}  {met}");
            }
            o.WriteLine($"bench tenant: {tenant.Slug} ({tenant.Id})");
            await using (var cleanup = owner.CreateCommand("DELETE FROM jobs WHERE tenant_id = $1"))
            {
                cleanup.Parameters.AddWithValue(tenant.Id);
                await cleanup.ExecuteNonQueryAsync(ct);
            }
            return failed ? 2 : 0;
        });
        return command;
    }

    private static string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
