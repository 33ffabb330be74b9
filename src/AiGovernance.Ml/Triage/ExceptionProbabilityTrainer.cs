using System.Globalization;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Ml.Triage;

/// <summary>
/// <c>aigov models train|evaluate --kind exception-probability</c>: reads a labelled file of decided exceptions
/// (datasets/exception-probability/train.csv), sweeps, fits, and writes model.zip, metrics.json and card.md. The
/// eval.csv beside the training file (the later period) gives the held-out AUC, log-loss, Brier and the drift reference.
/// </summary>
public sealed class ExceptionProbabilityTrainer(bool quick = false) : IDetectorTrainer
{
    public string Kind => ExceptionProbabilityModel.Kind;

    public Task<TrainingReport> TrainAsync(TrainingRequest request, IProgress<TrainingProgress> progress, CancellationToken ct)
    {
        var warnings = new List<string>();
        var examples = ExceptionExampleCsv.Read(request.DatasetPath, request.Strict, warnings.Add);
        var result = ExceptionProbabilityTraining.Train(examples, ExceptionProbabilityTraining.Candidates(request.Seed, quick), quick ? 3 : 5,
            request.Seed, request.Version, new StageProgress(progress, "cross-validated sweep"), ct);
        ProbabilityMetrics? holdOut = null;
        var reference = examples;
        var evalPath = DuplicateTrainer.EvalSibling(request.DatasetPath);
        if (evalPath is not null)
        {
            reference = ExceptionExampleCsv.Read(evalPath, request.Strict, warnings.Add);
            holdOut = ProbabilityMetrics.Of(ExceptionProbabilityTraining.Score(result.Model, reference));
        }
        var scores = result.Model.Probabilities(reference.Select(e => e.Facts).ToList());
        ExceptionProbabilityWriter.Write(request.OutputDirectory, result, request.DatasetPath, holdOut, evalPath is null ? null : Path.GetFileName(evalPath),
            scores, $"{Path.GetFileName(evalPath ?? request.DatasetPath)} ({reference.Count} exceptions), probability real");

        var table = new List<IReadOnlyList<string>> { new[] { "trainer", "hyperparameters", "cv AUC", "cv AUPRC", "seconds", "" } };
        table.AddRange(result.Candidates.Select(c => (IReadOnlyList<string>)
        [
            c.Candidate.Trainer, string.Join(" ", c.Candidate.Hyperparameters.Select(h => $"{h.Key}={h.Value}")), F(c.Auc), F(c.AucPr),
            c.Seconds.ToString("0.0", CultureInfo.InvariantCulture), ReferenceEquals(c, result.Winner) ? "selected" : "",
        ]));
        var headline = $"{Kind} {request.Version}: {result.Winner.Candidate.Name}, {result.Rows:N0} decided exceptions ({result.Real:N0} real), fit {result.FitSeconds:0.0} s"
            + (holdOut is null ? "" : $"; held-out AUC {F(holdOut.Auc)}, log-loss {F(holdOut.LogLoss)}, Brier {F(holdOut.Brier)}")
            + $"\nwritten to {request.OutputDirectory}";
        return Task.FromResult(new TrainingReport(headline, table, warnings));
    }

    public Task<TrainingReport> EvaluateAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct)
    {
        var warnings = new List<string>();
        var model = ExceptionProbabilityModel.Load(request.ModelDirectory);
        var m = ProbabilityMetrics.Of(ExceptionProbabilityTraining.Score(model, ExceptionExampleCsv.Read(request.DatasetPath, request.Strict, warnings.Add)));
        var table = new List<IReadOnlyList<string>>
        {
            new[] { "exceptions", "real", "base rate", "mean probability", "AUC", "log-loss", "Brier" },
            new[] { m.Rows.ToString(CultureInfo.InvariantCulture), m.Real.ToString(CultureInfo.InvariantCulture), F(m.BaseRate), F(m.MeanProbability), F(m.Auc), F(m.LogLoss), F(m.Brier) },
        };
        return Task.FromResult(new TrainingReport($"{Kind} {model.Version} on {request.DatasetPath}", table, warnings));
    }

    public Task<IReadOnlyList<double>> ScoreDatasetAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct)
    {
        var model = ExceptionProbabilityModel.Load(request.ModelDirectory);
        var examples = ExceptionExampleCsv.Read(request.DatasetPath, request.Strict, _ => { });
        return Task.FromResult<IReadOnlyList<double>>(model.Probabilities(examples.Select(e => e.Facts).ToList()));
    }

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
