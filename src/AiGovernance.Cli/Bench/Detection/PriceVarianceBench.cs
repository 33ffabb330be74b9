using System.Diagnostics;
using System.Globalization;
using AiGovernance.Cli.Commands.Detection;
using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Cli.Bench.Detection;

/// <summary>
/// <c>aigov bench detection</c>, price variance: on each real data set, anomalies are injected (same generator
/// and seed as datasets/price-variance) into the held-out later 30 % of the timeline; the shipped model scores
/// every line in date order against the lines before it, beside a per-item robust z-score baseline.
/// Goal: precision and recall ≥ 0.9 on both sets. Exit 0 when met, 2 when not.
/// </summary>
public static class PriceVarianceBench
{
    public const double Goal = 0.9;

    public static Task<int> RunAsync(DetectionBenchContext context, CancellationToken ct) => Task.Run(() => Run(context, ct), ct);

    private static int Run(DetectionBenchContext context, CancellationToken ct)
    {
        foreach (var file in new[] { PriceDataSources.UsaidFile, PriceDataSources.UciFile })
        {
            var path = Path.Combine(context.DataRoot, file);
            if (!File.Exists(path))
                throw new CliException($"price-variance bench needs the real data: {path} is missing (set the data root to the shared data directory, e.g. ../shared/data)");
        }
        var model = PriceVarianceCli.LoadModel(null, context.ModelsRoot);
        var output = context.Output;
        output.WriteLine($"price-variance bench: model {model.Version}, seed {context.Seed}{(context.Quick ? ", quick (UCI 1/20 stock-code sample)" : "")}");

        var results = new List<(string Source, PriceEvaluation Evaluation, int Lines, double Seconds)>();
        foreach (var source in new[] { PriceDataSources.Usaid, PriceDataSources.Uci })
        {
            ct.ThrowIfCancellationRequested();
            var lines = source == PriceDataSources.Usaid
                ? PriceDataSources.ReadUsaid(context.DataRoot)
                : PriceDataSources.ReadUci(context.DataRoot, context.Quick ? PriceDataSources.InUciSample : null);
            var split = PriceDatasetBuilder.Build(lines, source, context.Seed);
            var clock = Stopwatch.StartNew();
            var scored = PriceStream.Run(model, split.Train, split.Eval, context.Progress, $"score {source}", ct);
            var seconds = clock.Elapsed.TotalSeconds;
            results.Add((source, PriceEvaluation.Of(scored, model), scored.Count, seconds));
        }

        var table = new List<IReadOnlyList<string>> { new[] { "data set", "detector", "lines", "anomalies", "flagged", "precision", "recall", "F1" } };
        foreach (var (source, e, _, _) in results)
        {
            var d = e.Overall.Detector;
            var b = e.Overall.Baseline;
            table.Add([source, $"price-variance {model.Version}", N(d.Lines), N(d.Anomalies), N(d.Flagged), P(d.Precision), P(d.Recall), P(d.F1)]);
            table.Add([source, "robust z baseline (|z|>3.5)", N(b.Lines), N(b.Anomalies), N(b.Flagged), P(b.Precision), P(b.Recall), P(b.F1)]);
            table.Add([source, "ratio detector / baseline", "", "", "", Ratio(d.Precision, b.Precision), Ratio(d.Recall, b.Recall), Ratio(d.F1, b.F1)]);
        }
        output.WriteLine();
        ConsoleProgress.PrintTable(table, output);

        output.WriteLine();
        output.WriteLine("recall per anomaly kind (none / drift: share of lines flagged, i.e. false-positive rate)");
        var kinds = new List<IReadOnlyList<string>> { new[] { "data set", "kind", "lines", "detector", "baseline" } };
        foreach (var (source, e, _, _) in results)
            foreach (var s in e.Slices.Where(s => s.Slice.StartsWith("kind ", StringComparison.Ordinal)))
            {
                var isAnomaly = s.Detector.Anomalies > 0;
                kinds.Add([source, s.Slice[5..], N(s.Detector.Lines),
                    P(isAnomaly ? s.Detector.Recall : (double)s.Detector.Flagged / s.Detector.Lines),
                    P(isAnomaly ? s.Baseline.Recall : (double)s.Baseline.Flagged / s.Baseline.Lines)]);
            }
        ConsoleProgress.PrintTable(kinds, output);

        output.WriteLine();
        foreach (var (source, e, lines, seconds) in results)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{source}: {lines:N0} lines streamed (history + held-out) in {seconds:0.0} s, {seconds * 1e6 / Math.Max(1, lines):0} µs per line (detector + baseline); regression held-out RMSE (log) {e.RegressionRmse:0.000}"));
        var met = results.All(r => r.Evaluation.Overall.Detector.Precision >= Goal && r.Evaluation.Overall.Detector.Recall >= Goal);
        output.WriteLine(met
            ? $"goal met: precision and recall ≥ {Goal} on every data set"
            : $"goal NOT met: precision and recall must be ≥ {Goal} on every data set");
        return met ? 0 : 2;
    }

    private static string P(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
    private static string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string Ratio(double a, double b) => b == 0 ? "n/a" : (a / b).ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
