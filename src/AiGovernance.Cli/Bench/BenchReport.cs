using System.Globalization;

namespace AiGovernance.Cli.Bench;

/// <summary>Prints the side-by-side table and the goal line (≥ 0.5 of pgbench at 8 clients), never inventing a figure.</summary>
public static class BenchReport
{
    public const double Goal = 0.5;
    public const int GoalClients = 8;

    public static void Print(TextWriter o, IReadOnlyList<BenchRow> rows, string target, string? pgbenchUnavailable)
    {
        var ci = CultureInfo.InvariantCulture;
        o.WriteLine();
        o.WriteLine($"approvals: POST /api/requisitions/{{id}}/decisions via {target}; pgbench: TPC-B (default script), -M prepared, same cluster");
        o.WriteLine($"{"clients",7} | {"approvals/s",11} | {"p50 ms",8} | {"p99 ms",8} | {"errors",6} | {"pgbench tps",11} | {"ratio",6}");
        o.WriteLine(new string('-', 7) + "-+-" + new string('-', 11) + "-+-" + new string('-', 8) + "-+-" + new string('-', 8) + "-+-" +
                    new string('-', 6) + "-+-" + new string('-', 11) + "-+-" + new string('-', 6));
        foreach (var r in rows)
        {
            var a = r.Approvals;
            var tps = r.PgBenchTps is { } t ? t.ToString("0.0", ci) : "n/a";
            var ratioText = r.Ratio is { } x ? x.ToString("0.00", ci) : "n/a";
            o.WriteLine($"{r.Clients,7} | {Num(a.PerSecond, "0.0"),11} | {Num(a.Latency.P50, "0.00"),8} | {Num(a.Latency.P99, "0.00"),8} | {a.Errors,6} | {tps,11} | {ratioText,6}");
        }
        o.WriteLine();
        foreach (var r in rows)
        {
            var a = r.Approvals;
            var line = string.Create(ci, $"  {r.Clients} clients: {a.Approvals} approvals in {a.Seconds:0.00} s after {r.Warmup?.Approvals ?? 0} warm-up approvals; load average {r.LoadAverage}");
            if (r.Warmup is { Errors: > 0 } w) line += $"; {w.Errors} warm-up errors";
            if (a.RanOutOfIds) line += "; ran out of pending requisitions before the end — raise --requisitions";
            if (r.PgBenchNote is { } n) line += $"; pgbench: {n}";
            o.WriteLine(line);
            foreach (var e in (r.Warmup?.ErrorSamples ?? []).Concat(a.ErrorSamples).Take(5)) o.WriteLine($"    error sample: {e}");
        }
        if (pgbenchUnavailable is not null) o.WriteLine($"  pgbench not run: {pgbenchUnavailable}");

        var goal = rows.FirstOrDefault(r => r.Clients == GoalClients);
        o.WriteLine(goal?.Ratio is { } ratio
            ? string.Create(ci, $"goal ≥ {Goal} of pgbench at {GoalClients} clients: {(ratio >= Goal ? "MET" : "NOT MET")} (ratio {ratio:0.00})")
            : $"goal ≥ {Goal} of pgbench at {GoalClients} clients: NOT EVALUATED ({(goal is null ? $"no {GoalClients}-client level was run" : "no pgbench figure")})");
    }

    private static string Num(double v, string format) => double.IsNaN(v) ? "n/a" : v.ToString(format, CultureInfo.InvariantCulture);
}
