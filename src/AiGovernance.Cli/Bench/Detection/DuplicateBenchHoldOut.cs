using System.Diagnostics;
using System.Globalization;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Duplicates.Dataset;

namespace AiGovernance.Cli.Bench.Detection;

/// <summary>End-to-end on the Oxford hold-out: blocking + model vs the two baselines over all pairs.</summary>
public static class DuplicateBenchHoldOut
{
    public static async Task<double> RunAsync(DetectionBenchContext context, DuplicateModel model, IReadOnlyList<DuplicateRecord> oxford,
        EmbeddingCache cache, CancellationToken ct)
    {
        var o = context.Output;
        var real = OxfordDuplicateSets.Period(oxford, OxfordDuplicateSets.EvalFrom, DateOnly.MaxValue);
        if (context.Quick) real = real.Where(r => r.Date < OxfordDuplicateSets.EvalFrom.AddMonths(3)).ToList();
        // Seed + 1: the same injected hold-out as datasets/duplicate/eval.csv.
        var blocked = await OxfordDuplicateSets.BuildAsync(real, OxfordDuplicateSets.EvalInjectionRate, context.Seed + 1, cache, new BlockingOptions(), new StageProgress(context.Progress, "blocking hold-out"), ct);
        var watch = Stopwatch.StartNew();
        var scored = DuplicateDetector.ScoreCandidates(model, blocked.Prepared, blocked.Candidates, new StageProgress(context.Progress, "scoring hold-out pairs"), ct);
        var scoreSeconds = watch.Elapsed.TotalSeconds;
        var flaggedPairs = DuplicateDetector.Flagged(model, scored, bestMatchOnly: true);
        var flagged = flaggedPairs.Select(s => InjectedSet.Key(blocked.Prepared[s.Later].Record.Id, blocked.Prepared[s.Earlier].Record.Id)).ToHashSet();
        var everyPair = DuplicateDetector.Flagged(model, scored, bestMatchOnly: false)
            .Select(s => InjectedSet.Key(blocked.Prepared[s.Later].Record.Id, blocked.Prepared[s.Earlier].Record.Id)).ToHashSet();

        var records = blocked.Set.Records;
        var exact = DuplicateBaselines.ExactMatch(records);
        var erp = DuplicateBaselines.ErpRule(records);
        var rows = new[]
        {
            DuplicateBenchTables.Count($"model {model.Version} (best earlier match)", flagged, blocked.Set),
            DuplicateBenchTables.Count($"model {model.Version} (every pair >= threshold)", everyPair, blocked.Set),
            DuplicateBenchTables.Count("exact match (supplier+reference+amount)", exact, blocked.Set),
            DuplicateBenchTables.Count("ERP rule (supplier, reference>=80%, <=7 days)", erp, blocked.Set),
        };
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{real.Count:N0} real records, {blocked.Set.Truth.Count:N0} injected duplicates; blocking: {blocked.Candidates.Count:N0} candidate pairs, {blocked.PositivesReachable:N0} duplicates reachable ({(double)blocked.PositivesReachable / blocked.Set.Truth.Count:P1}); scoring {blocked.Candidates.Count / Math.Max(scoreSeconds, 1e-9):N0} pairs/s"));
        ConsoleProgress.PrintTable(DuplicateBenchTables.Compare(rows), o);
        var realPairs = flagged.Count(k => !blocked.Set.Truth.ContainsKey(k) && !k.Item1.EndsWith("-dup", StringComparison.Ordinal) && !k.Item2.EndsWith("-dup", StringComparison.Ordinal));
        o.WriteLine($"of the model's {rows[0].Fp:N0} false positives, {realPairs:N0} pair two real payments (unlabelled: some may be real duplicates in the public data), {rows[0].Fp - realPairs:N0} involve an injected copy");
        o.WriteLine();
        ConsoleProgress.PrintTable(DuplicateBenchTables.RecallByKind(blocked.Set, [("model", flagged), ("exact", exact), ("ERP", erp)]), o);
        PrintLatency(o, model, blocked.Set.Records, context.Quick ? 50 : 300, context.Seed);
        if (!context.Quick) PrintErrors(o, model, blocked, flaggedPairs, flagged);
        return rows[0].F1;
    }

    /// <summary>The service's call: one record against ~50 earlier ones (with reasons and drivers), timed single-threaded.</summary>
    private static void PrintLatency(TextWriter o, DuplicateModel model, IReadOnlyList<DuplicateRecord> records, int calls, int seed)
    {
        var random = new Random(seed);
        model.ScoreAll(records[0], records.Skip(1).Take(50)); // warm-up: engine creation
        var times = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var start = random.Next(records.Count - 51);
            var watch = Stopwatch.StartNew();
            model.ScoreAll(records[start + 50], records.Skip(start).Take(50));
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ScoreAll(1 record vs 50 earlier, with reasons): mean {times.Average():0.00} ms, p50 {times[times.Count / 2]:0.00} ms, p99 {times[(int)(times.Count * 0.99)]:0.00} ms over {calls} calls (target well under 10 ms)"));
    }

    /// <summary>A few false positives and misses with their reasons, so a reader sees what the errors look like.</summary>
    private static void PrintErrors(TextWriter o, DuplicateModel model, BlockedSet blocked, List<ScoredPair> flaggedPairs, HashSet<(string, string)> flagged)
    {
        var byId = blocked.Prepared.ToDictionary(p => p.Record.Id, StringComparer.Ordinal);
        o.WriteLine();
        o.WriteLine("highest-scoring false positives:");
        foreach (var s in flaggedPairs.Where(s => !blocked.Set.IsDuplicate(blocked.Prepared[s.Later].Record.Id, blocked.Prepared[s.Earlier].Record.Id))
                     .OrderByDescending(s => s.Probability).Take(5))
            Print(model.Score(blocked.Prepared[s.Later], blocked.Prepared[s.Earlier]), "");
        o.WriteLine("missed duplicates:");
        foreach (var (key, kind) in blocked.Set.Truth.Where(t => !flagged.Contains(t.Key)).OrderBy(t => t.Key).Take(5))
        {
            var a = byId[key.Item1];
            var b = byId[key.Item2];
            Print(model.Score(a.Record.Date >= b.Record.Date ? a : b, a.Record.Date >= b.Record.Date ? b : a), kind);
        }

        void Print(DuplicateMatch m, string kind)
        {
            var a = byId[m.IdA].Record;
            var b = byId[m.IdB].Record;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  p={m.Probability:0.000} {kind}"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {a.Id}: {a.Supplier} [{a.SupplierId}] ref {a.Reference} {a.Amount} {a.Date} '{a.Description}'"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {b.Id}: {b.Supplier} [{b.SupplierId}] ref {b.Reference} {b.Amount} {b.Date} '{b.Description}'"));
            o.WriteLine($"    {DuplicateDetector.ReasonText(m)}");
        }
    }
}
