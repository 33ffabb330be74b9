using System.Diagnostics;
using AiGovernance.Ml.Drift;
using AiGovernance.Ml.Registry;
using Microsoft.ML;

namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// <c>aigov models train|evaluate --kind price-variance</c>: sweeps the sparse-history regression, calibrates the
/// scorer's thresholds on the labelled training lines, evaluates on the held-out eval.csv beside the training file,
/// and writes model.zip, params.json, metrics.json and card.md.
/// </summary>
public sealed class PriceVarianceTrainer : IDetectorTrainer
{
    public string Kind => "price-variance";

    /// <summary>Trainer candidates (tests use a tiny one).</summary>
    public IReadOnlyList<RegressionCandidate> Candidates { get; init; } = RegressionCandidate.Default;
    public int Folds { get; init; } = 5;

    /// <summary>
    /// Earlier purchase lines scored against but never counted (an outcome snapshot's history.csv): the references a
    /// judged line was compared with. Empty for the base data set, whose own lines are each other's history.
    /// </summary>
    public IReadOnlyList<LabelledPriceLine> History { get; init; } = [];

    public Task<TrainingReport> TrainAsync(TrainingRequest request, IProgress<TrainingProgress> progress, CancellationToken ct) =>
        Task.Run(() => Train(request, progress, ct), ct);

    public Task<TrainingReport> EvaluateAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct) =>
        Task.Run(() => Evaluate(request, progress, ct), ct);

    private TrainingReport Train(TrainingRequest request, IProgress<TrainingProgress> progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var warnings = new List<string>();
        var train = Read(request.DatasetPath, request.Strict, warnings);
        var clean = train.Where(l => !l.IsAnomaly && l.Line.UnitPrice > 0).Select(l => PriceRegression.ToInput(l.Line)).ToList();
        if (clean.Count < Folds * 10) throw new InvalidDataException($"{request.DatasetPath}: {clean.Count} clean lines; too few to train on");

        var ml = new MLContext(request.Seed);
        var data = ml.Data.LoadFromEnumerable(clean);
        var sweep = RegressionSweep.Run(ml, data, Candidates, Folds, request.Seed, progress, ct);
        var best = sweep.MinBy(c => c.Rmse)!;
        var candidate = Candidates.First(c => c.Name == best.Name);
        progress.Report(new TrainingProgress("fit selected regression", 0, 1));
        var regression = PriceRegression.Featurizer(ml).Append(candidate.Estimator(ml, request.Seed)).Fit(data);
        progress.Report(new TrainingProgress("fit selected regression", 1, 1));

        var untuned = new PriceVarianceModel(request.Version, new PriceVarianceParams
        {
            RegressionSigma = Math.Round(best.Rmse, 4),
            SupplierLevelAware = true,
            PriceListPairs = PriceListPairs.Learn(train.Select(l => l.Line)),
        }, ml, regression);
        var scored = PriceStream.Run(untuned, History, train, progress, "calibrate thresholds", ct);
        var (parameters, grid) = ThresholdCalibration.Calibrate(scored, untuned.Parameters);
        var model = untuned.WithParameters(parameters);
        var trainMetrics = DetectionMetrics.Detector(scored, parameters);

        PriceEvaluation? heldOut = null;
        (IReadOnlyList<ScoredLine> Lines, string Name) reference = (scored, $"{Path.GetFileName(request.DatasetPath)} ({train.Count} lines)");
        var evalPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.DatasetPath))!, "eval.csv");
        if (File.Exists(evalPath) && !SamePath(evalPath, request.DatasetPath))
        {
            var eval = Read(evalPath, request.Strict, warnings);
            var evalScored = PriceStream.Run(model, History.Concat(train), eval, progress, "evaluate held-out eval.csv", ct);
            heldOut = PriceEvaluation.Of(evalScored, model);
            reference = (evalScored, $"eval.csv ({eval.Count} lines)");
        }
        else warnings.Add($"no eval.csv beside {request.DatasetPath}: metrics.json has training-set figures only");

        Directory.CreateDirectory(request.OutputDirectory);
        ml.Model.Save(regression, data.Schema, Path.Combine(request.OutputDirectory, PriceVarianceModel.ModelFile));
        File.WriteAllText(Path.Combine(request.OutputDirectory, PriceVarianceParams.FileName), parameters.ToJson() + "\n");
        var card = new PriceVarianceCard(request, best, sweep, parameters, grid, trainMetrics, heldOut, train.Count, clean.Count,
            evalPath, clock.Elapsed.TotalSeconds);
        card.Write(request.OutputDirectory);
        // The drift reference: the tuned model's scores on held-out lines (training lines only when there are none).
        ScoreDistribution.WriteInto(request.OutputDirectory, LiveScores(model, reference.Lines), reference.Name + ", max(0, variance) per line");

        var table = new List<IReadOnlyList<string>> { new[] { "candidate", "folds", "RMSE (log)", "± sd", "MAE (log)", "R²", "seconds" } };
        table.AddRange(sweep.Select(c => (IReadOnlyList<string>)
        [
            c.Name + (c == best ? " *" : ""), c.Folds.ToString(System.Globalization.CultureInfo.InvariantCulture), PriceEvaluation.P(c.Rmse),
            PriceEvaluation.P(c.RmseStdDev), PriceEvaluation.P(c.Mae), PriceEvaluation.P(c.RSquared), c.Seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
        ]));
        if (heldOut is not null) table.AddRange(heldOut.Table());
        var o = heldOut?.Overall.Detector ?? trainMetrics;
        return new TrainingReport(
            $"price-variance {request.Version}: {best.Name}; thresholds min deviation {parameters.MinDeviation:P0}, z {parameters.ZThreshold}; "
            + $"{(heldOut is null ? "training" : "held-out")} precision {o.Precision:0.000} recall {o.Recall:0.000} F1 {o.F1:0.000}; written to {request.OutputDirectory}",
            table, warnings);
    }

    private static TrainingReport Evaluate(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct)
    {
        var model = PriceVarianceModel.Load(request.ModelDirectory);
        var warnings = new List<string>();
        var lines = Read(request.DatasetPath, request.Strict, warnings);
        var historyPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.DatasetPath))!, "train.csv");
        IReadOnlyList<LabelledPriceLine> history = [];
        if (File.Exists(historyPath) && !SamePath(historyPath, request.DatasetPath)) history = Read(historyPath, request.Strict, warnings);
        else warnings.Add($"no train.csv beside {request.DatasetPath}: lines are scored without earlier history");
        var evaluation = PriceEvaluation.Of(PriceStream.Run(model, history, lines, progress, "score", ct), model);
        var o = evaluation.Overall;
        return new TrainingReport(
            $"price-variance {model.Version} on {request.DatasetPath} ({history.Count:N0} history lines): precision {o.Detector.Precision:0.000} "
            + $"recall {o.Detector.Recall:0.000} F1 {o.Detector.F1:0.000} (robust z baseline {o.Baseline.Precision:0.000} / {o.Baseline.Recall:0.000} / {o.Baseline.F1:0.000}); "
            + $"regression held-out RMSE (log) {evaluation.RegressionRmse:0.000}",
            evaluation.Table(), warnings);
    }

    public Task<IReadOnlyList<double>> ScoreDatasetAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct) =>
        Task.Run(() =>
        {
            var model = PriceVarianceModel.Load(request.ModelDirectory);
            var warnings = new List<string>();
            var lines = Read(request.DatasetPath, request.Strict, warnings);
            var historyPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.DatasetPath))!, "train.csv");
            IReadOnlyList<LabelledPriceLine> history = File.Exists(historyPath) && !SamePath(historyPath, request.DatasetPath) ? Read(historyPath, request.Strict, warnings) : [];
            return LiveScores(model, PriceStream.Run(model, History.Concat(history), lines, progress, "score", ct));
        }, ct);

    /// <summary>
    /// What the live detector stores as a requisition's score, per scored line: max(0, variance) where the
    /// expectation rests on history or a contract. Regression-only lines carry no score live, so none here either.
    /// </summary>
    public static IReadOnlyList<double> LiveScores(PriceVarianceModel model, IEnumerable<ScoredLine> lines) =>
        lines.Where(l => l.Counted).Select(l => model.ToResult(l.Evidence))
            .Where(r => r.Basis != PriceBasis.Regression && r.VariancePct is not null)
            .Select(r => Math.Max(0, r.VariancePct!.Value)).ToList();

    public static List<LabelledPriceLine> Read(string path, bool strict, List<string> warnings)
    {
        try { return PriceLineCsv.ReadFile(path, strict ? null : w => warnings.Add($"{Path.GetFileName(path)}: {w} (skipped)")).ToList(); }
        catch (FormatException ex) { throw new InvalidDataException($"{path}: {ex.Message}", ex); }
    }

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
