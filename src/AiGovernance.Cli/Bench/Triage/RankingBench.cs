using System.Diagnostics;
using System.Globalization;
using AiGovernance.Core.Exceptions;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Duplicates.Dataset;
using AiGovernance.Ml.PriceVariance;
using AiGovernance.Ml.Triage;

namespace AiGovernance.Cli.Bench.Triage;

/// <summary>
/// <c>aigov bench triage --part ranking</c>: a simulated history of several months built from real data
/// (<see cref="TriageSimulation"/>); the exception-probability model is trained on the exceptions decided before the
/// last month and the last month is held out. Each held-out day's open inbox is ranked by the triage score with the
/// learned probability, by the triage score with the blend, first-in-first-out and largest amount first, and NDCG@10
/// is averaged over the days — all four in the same run.
/// </summary>
public static class RankingBench
{
    public static int Run(TriageBenchContext context, string? writeDataset)
    {
        foreach (var p in new[] { OxfordSpendReader.RelativePath, PriceDataSources.UsaidFile })
            if (!File.Exists(Path.Combine(context.DataRoot, p)))
                throw new CliException($"the ranking bench needs the real data under {context.DataRoot} (missing {p}); put ../shared/data next to the checkout or pass --data DIR");
        var total = Stopwatch.StartNew();
        var o = context.Output;
        var inv = CultureInfo.InvariantCulture;
        var options = context.Quick ? new TriageSimulation.Options(Months: 4, Sample: 0.5, Seed: context.Seed) : new TriageSimulation.Options(Months: 7, Seed: context.Seed);
        var history = TriageSimulation.Build(context.DataRoot, options);
        var heldOutFrom = history.To.AddMonths(-1);
        var cut = new DateTimeOffset(heldOutFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var examples = SimulatedHistory.ExamplesAtRaise(history.Exceptions);
        var decidedAt = history.Exceptions.ToDictionary(e => e.Id, e => e.DecidedAt, StringComparer.Ordinal);
        var train = examples.Where(e => decidedAt[e.Id] < cut).ToList();
        var heldOut = examples.Where(e => e.RaisedAt >= cut).ToList();

        o.WriteLine(string.Create(inv, $"== Ranking: simulated exception history {history.From:yyyy-MM} to {history.To.AddDays(-1):yyyy-MM} from real data ({history.Payments:N0} Oxford payments, {history.PriceLines:N0} USAID price lines; seed {context.Seed}{(context.Quick ? ", quick" : "")})"));
        o.WriteLine(string.Create(inv, $"{history.Exceptions.Count:N0} exceptions, {history.Exceptions.Count(e => e.Real):N0} real; trained on {train.Count:N0} decided before {heldOutFrom:yyyy-MM-dd} ({train.Count(e => e.Real):N0} real); held out: {history.To.AddDays(-1):yyyy-MM} ({heldOut.Count:N0} raised, {heldOut.Count(e => e.Real):N0} real)"));
        foreach (var g in history.Exceptions.GroupBy(e => e.Type).OrderByDescending(g => g.Count()))
            o.WriteLine(string.Create(inv, $"  {g.Key,-26} {g.Count(),6:N0} raised, {g.Count(e => e.Real) / (double)g.Count(),5:P0} real"));

        if (writeDataset is not null)
        {
            Directory.CreateDirectory(writeDataset);
            ExceptionExampleCsv.Write(Path.Combine(writeDataset, "train.csv"), train);
            ExceptionExampleCsv.Write(Path.Combine(writeDataset, "eval.csv"), heldOut);
            o.WriteLine($"data set written: {Path.Combine(writeDataset, "train.csv")} ({train.Count:N0} rows), eval.csv ({heldOut.Count:N0} rows)");
        }

        var training = ExceptionProbabilityTraining.Train(train, ExceptionProbabilityTraining.Candidates(context.Seed, context.Quick), context.Quick ? 3 : 5,
            context.Seed, "bench", new StageProgress(context.Progress, "exception-probability sweep"));
        var probabilities = training.Model.Probabilities(examples.Select(e => e.Facts).ToList());
        var byId = examples.Select((e, i) => (e.Id, P: probabilities[i])).ToDictionary(x => x.Id, x => x.P, StringComparer.Ordinal);
        var model = ProbabilityMetrics.Of(heldOut.Select(e => (e.Real, byId[e.Id])).ToList());
        // The blend's own probability part at raise time, on the same held-out exceptions: what the model replaces.
        var blend = ProbabilityMetrics.Of(heldOut.Select(e => (e.Real, TriageScore.Compute(BlendInput(e.Facts), TriageWeights.Default).Probability.Value)).ToList());

        var ranking = RankingEvaluation.Run(history.Exceptions, heldOutFrom, history.To, byId, "bench", TriageWeights.Default);
        o.WriteLine();
        o.WriteLine(string.Create(inv, $"model: {training.Winner.Candidate.Name}, cv AUC {training.Winner.Auc:0.000}; held-out AUC {model.Auc:0.000}, log-loss {model.LogLoss:0.000}, Brier {model.Brier:0.000} (blend's probability part: AUC {blend.Auc:0.000}, log-loss {blend.LogLoss:0.000}, Brier {blend.Brier:0.000}; base rate {model.BaseRate:0.000})"));
        o.WriteLine(string.Create(inv, $"held-out inbox: {ranking.Days} days, {ranking.MeanInbox:0.0} open exceptions a day on average, {ranking.OpenReal / (double)Math.Max(1, ranking.OpenTotal):P0} of them real"));
        o.WriteLine();
        var fifo = ranking.Orderings.Single(r => r.Name.StartsWith("first", StringComparison.Ordinal)).MeanNdcg;
        var amount = ranking.Orderings.Single(r => r.Name.StartsWith("largest", StringComparison.Ordinal)).MeanNdcg;
        var blendRow = ranking.Orderings.Single(r => r.Name.Contains("blend", StringComparison.Ordinal)).MeanNdcg;
        o.WriteLine($"{"ordering",-36} {"NDCG@10",8} {"days",5} {"÷ FIFO",7} {"÷ amount",9} {"÷ blend",8}");
        foreach (var r in ranking.Orderings)
            o.WriteLine(string.Create(inv, $"{r.Name,-36} {r.MeanNdcg,8:0.000} {r.Days,5} {r.MeanNdcg / fifo,7:0.00} {r.MeanNdcg / amount,9:0.00} {r.MeanNdcg / blendRow,8:0.00}"));
        var learned = ranking.Orderings[0].MeanNdcg;
        var met = learned > fifo && learned > amount;
        o.WriteLine(string.Create(inv, $"goal (learned triage order clearly above FIFO and largest-amount-first): {(learned >= 1.1 * Math.Max(fifo, amount) ? "met" : met ? "above both, by less than 10 %" : "NOT MET")}; learned vs blend: {(learned > blendRow ? "better" : "not better")}; bench {total.Elapsed.TotalSeconds:0} s"));
        return met ? 0 : 2;
    }

    private static TriageInput BlendInput(ExceptionFacts f) =>
        new(f.Type, f.Severity, f.Confidence, f.TypeReal, f.TypeDismissed, f.AmountAtRisk, f.SupplierRisk,
            f.HoursToSla is { } s ? TimeSpan.FromHours(s) : null, f.HoursToNeededBy is { } n ? TimeSpan.FromHours(n) : null, f.CustomerCommitment);
}
