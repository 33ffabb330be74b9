using System.Collections.Concurrent;
using System.Globalization;
using AiGovernance.Data.Tenancy;
using Npgsql;

namespace AiGovernance.Cli.Bench;

public sealed record BenchSettings(IReadOnlyList<int> Levels, TimeSpan Warmup, TimeSpan Duration, int? RequisitionsPerLevel);

/// <summary>One row of the result: the measured approvals and, when pgbench ran, its tps at the same client count.</summary>
public sealed record BenchRow(int Clients, PhaseResult Approvals, PhaseResult? Warmup, double? PgBenchTps, string? PgBenchNote, string LoadAverage)
{
    public double? Ratio => PgBenchTps is > 0 && !double.IsNaN(Approvals.PerSecond) ? Approvals.PerSecond / PgBenchTps : null;
}

/// <summary>
/// Per level: stock requisitions, warm up, top the stock up from the warm-up rate (untimed), measure, then
/// run pgbench at the same client count right after, so both figures see the same machine conditions.
/// </summary>
public static class BenchRun
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSettings s, NpgsqlDataSource owner, TenantRecord tenant, HttpClient http,
        PgBench? pg, Action<string> progress, CancellationToken ct)
    {
        var rows = new List<BenchRow>();
        var best = 0.0; // more clients rarely approve fewer per second than fewer clients did
        foreach (var n in s.Levels)
        {
            var ids = new ConcurrentQueue<Guid>();
            PhaseResult? warm = null;
            if (s.Warmup > TimeSpan.Zero)
            {
                // Enough for a warm-up at a few hundred approvals/s per client; running dry early only shortens it.
                await StockAsync(owner, tenant, ids, (int)(s.Warmup.TotalSeconds * 300 * Math.Min(n, 3)), progress, ct);
                progress($"approvals at {n} clients: warm-up {s.Warmup.TotalSeconds:0} s");
                warm = await ApprovalBench.RunPhaseAsync(http, ids, n, s.Warmup, "warm-up", progress, ct);
            }
            // Stock for the measured phase: as asked, or twice what the warm-up rate needs (the rate climbs once JIT and pools settle).
            var guess = warm is { Approvals: > 0 } ? Math.Max(warm.PerSecond, double.IsNaN(warm.SecondHalfPerSecond) ? 0 : warm.SecondHalfPerSecond)
                : 300.0 * Math.Min(n, 3);
            guess = Math.Max(guess, best);
            var need = s.RequisitionsPerLevel ?? (int)Math.Ceiling(guess * s.Duration.TotalSeconds * 2) + 200;
            await StockAsync(owner, tenant, ids, need - ids.Count, progress, ct);

            var load = LoadAverage();
            progress($"approvals at {n} clients: measuring {s.Duration.TotalSeconds:0} s with {ids.Count} pending requisitions (load average {load})");
            var measured = await ApprovalBench.RunPhaseAsync(http, ids, n, s.Duration, "measuring", progress, ct);
            progress(string.Create(CultureInfo.InvariantCulture,
                $"approvals at {n} clients: {measured.PerSecond:0.0}/s, p50 {measured.Latency.P50:0.00} ms, p99 {measured.Latency.P99:0.00} ms, {measured.Errors} errors"));

            double? tps = null;
            string? note = null;
            if (pg is not null)
            {
                progress($"pgbench at {n} clients for {s.Duration.TotalSeconds:0} s");
                try
                {
                    tps = await pg.RunTpcbAsync(n, s.Duration, ct);
                    progress(string.Create(CultureInfo.InvariantCulture, $"pgbench at {n} clients: {tps:0.0} tps"));
                }
                catch (CliException ex)
                {
                    note = ex.Message;
                    progress($"pgbench: {note}");
                }
            }
            if (!double.IsNaN(measured.PerSecond)) best = Math.Max(best, measured.PerSecond);
            rows.Add(new BenchRow(n, measured, warm, tps, note, load));
        }
        return rows;
    }

    private static async Task StockAsync(NpgsqlDataSource owner, TenantRecord tenant, ConcurrentQueue<Guid> ids, int count, Action<string> progress, CancellationToken ct)
    {
        if (count <= 0) return;
        foreach (var id in await BenchTenant.SubmitPendingAsync(owner, tenant, count, progress, ct)) ids.Enqueue(id);
    }

    /// <summary>The 1-minute load average: other work on the machine skews both figures, so the report shows it.</summary>
    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }
}
