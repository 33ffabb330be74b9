using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Ml.Drift;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Training;
using Microsoft.ML;

namespace AiGovernance.Ml.Triage;

/// <summary>Writes a model directory: model.zip, metrics.json (every candidate, held-out figures, score distribution) and card.md.</summary>
public static class ExceptionProbabilityWriter
{
    public static void Write(string directory, ExceptionTrainingResult r, string datasetPath, ProbabilityMetrics? holdOut, string? holdOutName,
        IReadOnlyList<double> referenceScores, string referenceSource)
    {
        Directory.CreateDirectory(directory);
        var ml = new MLContext(0);
        ml.Model.Save(r.Model.Transformer, ml.Data.LoadFromEnumerable(new List<ExceptionRow>()).Schema, Path.Combine(directory, "model.zip"));
        var hash = DuplicateModelWriter.Sha256(datasetPath);
        var metrics = new JsonObject
        {
            ["kind"] = ExceptionProbabilityModel.Kind,
            ["version"] = r.Model.Version,
            ["trainer"] = r.Winner.Candidate.Trainer,
            ["hyperparameters"] = Hyper(r.Winner.Candidate),
            ["selection"] = "highest cross-validated ROC AUC",
            ["cv_auc"] = R(r.Winner.Auc),
            ["cv_auprc"] = R(r.Winner.AucPr),
            // For the promotion check (ModelMetricsReader): the held-out AUC is this kind's primary metric.
            ["primary_metric"] = new JsonObject { ["name"] = "auc", ["auc"] = holdOut is null ? R(r.Winner.Auc) : R(holdOut.Auc) },
            ["holdout"] = holdOut is null ? null : new JsonObject
            {
                ["dataset"] = holdOutName, ["rows"] = holdOut.Rows, ["real"] = holdOut.Real, ["auc"] = R(holdOut.Auc), ["log_loss"] = R(holdOut.LogLoss),
                ["brier"] = R(holdOut.Brier), ["base_rate"] = R(holdOut.BaseRate), ["mean_probability"] = R(holdOut.MeanProbability),
            },
            ["data"] = new JsonObject { ["path"] = Path.GetFileName(datasetPath), ["sha256"] = hash, ["rows"] = r.Rows, ["real"] = r.Real },
            ["training_seconds"] = R(r.FitSeconds),
            ["sweep_and_training_seconds"] = R(r.TotalSeconds),
            ["features"] = new JsonArray([.. ExceptionFeatures.Names.Select(n => (JsonNode)n)]),
            ["trained_types"] = new JsonArray([.. r.Model.TrainedTypes.Order(StringComparer.Ordinal).Select(t => (JsonNode)t)]),
            ["candidates"] = new JsonArray([.. r.Candidates.Select(c => (JsonNode)new JsonObject
            {
                ["trainer"] = c.Candidate.Trainer, ["hyperparameters"] = Hyper(c.Candidate), ["cv_auc"] = R(c.Auc), ["cv_auprc"] = R(c.AucPr),
                ["cv_best_f1"] = R(c.BestF1), ["cv_seconds"] = R(c.Seconds), ["selected"] = ReferenceEquals(c, r.Winner),
            })]),
        };
        File.WriteAllText(Path.Combine(directory, "metrics.json"), metrics.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        ScoreDistribution.WriteInto(directory, referenceScores, referenceSource);
        File.WriteAllText(Path.Combine(directory, "card.md"), Card(r, Path.GetFileName(datasetPath), hash, holdOut, holdOutName));
    }

    private static string Card(ExceptionTrainingResult r, string dataset, string hash, ProbabilityMetrics? h, string? holdOutName)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"# Exception probability — {r.Model.Version}");
        sb.AppendLine();
        sb.AppendLine("**Purpose.** The probability part of the triage score: how likely a reviewer will find a newly raised exception real (resolved) rather than a false alarm (dismissed). It only orders the inbox; it never closes, dismisses or decides anything. When it is switched off (kill switch `exception-probability`) or no version is active, the inbox uses the blend of detector confidence and per-type reviewer history.");
        sb.AppendLine();
        sb.AppendLine(inv, $"**Model.** ML.NET {r.Winner.Candidate.Name}, chosen by a {r.Candidates.Count}-candidate cross-validated sweep (highest ROC AUC); the output is the trainer's calibrated probability. Features ({ExceptionFeatures.Count}), all known when the exception is raised: {string.Join(", ", ExceptionFeatures.Names)}.");
        sb.AppendLine();
        sb.AppendLine(inv, $"**Data.** `{dataset}` (sha256 `{hash}`): {r.Rows:N0} decided exceptions, {r.Real:N0} real. See datasets/exception-probability/README.md for provenance.");
        sb.AppendLine();
        sb.AppendLine("## Metrics");
        sb.AppendLine();
        sb.AppendLine(inv, $"Cross-validated (winner): AUC {r.Winner.Auc:0.0000}, AUPRC {r.Winner.AucPr:0.0000}. Final fit {r.FitSeconds:0.0} s; sweep and fit {r.TotalSeconds:0.0} s.");
        if (h is not null)
            sb.AppendLine(inv, $"\nHeld-out (`{holdOutName}`, the later period): {h.Rows:N0} exceptions, {h.Real:N0} real (base rate {h.BaseRate:0.000}); AUC {h.Auc:0.0000}, log-loss {h.LogLoss:0.0000}, Brier {h.Brier:0.0000}, mean probability {h.MeanProbability:0.000}.");
        sb.AppendLine();
        sb.AppendLine("## Sweep (every candidate, k-fold CV on the same folds)");
        sb.AppendLine();
        sb.AppendLine("| trainer | hyperparameters | AUC | AUPRC | seconds |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var c in r.Candidates)
            sb.AppendLine(inv, $"| {c.Candidate.Trainer}{(ReferenceEquals(c, r.Winner) ? " (selected)" : "")} | {string.Join(", ", c.Candidate.Hyperparameters.Select(x => $"{x.Key}={x.Value}"))} | {c.Auc:0.0000} | {c.AucPr:0.0000} | {c.Seconds:0.0} |");
        sb.AppendLine();
        sb.AppendLine("## Limits");
        sb.AppendLine();
        sb.AppendLine("- Unless the data section names a tenant export, the outcomes are **simulated**: the exceptions are built from real public data (Oxford payments, USAID purchase lines) with injected real problems among natural false alarms, and the label is the simulation's truth, not a reviewer's decision. Retrain on a tenant's own decided exceptions (`aigov outcomes export-exceptions`) before relying on it.");
        sb.AppendLine("- Outcomes describe what was raised and decided: a type that is always dismissed will be ranked low even when one of them matters; reviewers can be wrong.");
        sb.AppendLine("- Supplier history only helps once a supplier has decided exceptions; a new supplier gets the neutral rate.");
        sb.AppendLine("- Evidence features are read from the detectors' evidence (duplicate pair probability, price variance); exception types whose evidence carries neither rely on type, amount, deadlines and history.");
        return sb.ToString();
    }

    private static JsonObject Hyper(SweepCandidate c) => new([.. c.Hyperparameters.Select(x => KeyValuePair.Create(x.Key, (JsonNode?)x.Value))]);

    private static double R(double v) => double.IsFinite(v) ? Math.Round(v, 4) : 0;
}
