using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Ml.Training;
using Microsoft.ML;

namespace AiGovernance.Ml.Duplicates;

/// <summary>Held-out figures for the card: pair-level metrics of the trained model on an evaluation file.</summary>
public sealed record HoldOutMetrics(string Dataset, int Pairs, int Positives, double Auc, double Precision, double Recall, double F1);

/// <summary>Writes a model directory: model.zip, metrics.json (what <see cref="DuplicateModel.Load"/> reads, plus the sweep), card.md.</summary>
public static class DuplicateModelWriter
{
    public static void Write(string directory, DuplicateTrainingResult result, string datasetPath, HoldOutMetrics? holdOut, bool embeddings)
    {
        Directory.CreateDirectory(directory);
        var ml = new MLContext(0);
        var schema = ml.Data.LoadFromEnumerable(new List<PairRow>()).Schema;
        ml.Model.Save(result.Model.Transformer, schema, Path.Combine(directory, "model.zip"));
        var dataHash = Sha256(datasetPath);
        var metrics = new JsonObject
        {
            ["kind"] = "duplicate",
            ["version"] = result.Model.Version,
            ["threshold"] = result.Threshold,
            ["trainer"] = result.Winner.Candidate.Trainer,
            ["hyperparameters"] = Hyper(result.Winner.Candidate),
            ["cv_auc"] = R(result.Winner.Auc),
            ["cv_auprc"] = R(result.Winner.AucPr),
            ["cv_precision"] = R(result.Winner.Precision),
            ["cv_recall"] = R(result.Winner.Recall),
            ["cv_f1"] = R(result.Winner.BestF1),
            ["holdout"] = holdOut is null ? null : JsonSerializer.SerializeToNode(holdOut, JsonOptions),
            ["data"] = new JsonObject
            {
                ["path"] = Path.GetFileName(datasetPath), ["sha256"] = dataHash, ["pairs"] = result.Pairs, ["positives"] = result.Positives,
                ["description_embeddings"] = embeddings ? "all-MiniLM-L6-v2, dropped for a seeded 30% of pairs" : "none (token trigrams)",
            },
            ["training_seconds"] = R(result.FitSeconds),
            ["sweep_and_training_seconds"] = R(result.TotalSeconds),
            ["features"] = new JsonArray([.. PairFeatures.Names.Select(n => (JsonNode)n)]),
            ["neutral_values"] = new JsonArray([.. result.NeutralValues.Select(v => (JsonNode)v)]),
            ["candidates"] = new JsonArray([.. result.Candidates.Select(c => (JsonNode)new JsonObject
            {
                ["trainer"] = c.Candidate.Trainer, ["hyperparameters"] = Hyper(c.Candidate), ["cv_auc"] = R(c.Auc), ["cv_auprc"] = R(c.AucPr),
                ["cv_best_f1"] = R(c.BestF1), ["cv_threshold"] = R(c.BestThreshold), ["cv_precision"] = R(c.Precision), ["cv_recall"] = R(c.Recall),
                ["cv_seconds"] = R(c.Seconds), ["selected"] = ReferenceEquals(c, result.Winner),
            })]),
        };
        File.WriteAllText(Path.Combine(directory, "metrics.json"), metrics.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(directory, "card.md"), DuplicateModelCard.Render(result, Path.GetFileName(datasetPath), dataHash, holdOut, embeddings));
    }

    // An undefined figure (AUC of a tiny hold-out with one class scored alike) is written as "NaN" rather than failing the whole write.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static JsonObject Hyper(SweepCandidate c) => new([.. c.Hyperparameters.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]);

    private static double R(double v) => double.IsFinite(v) ? Math.Round(v, 4) : 0;

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>The model card: what the model is for, the data, the metrics, the sweep and the limits.</summary>
public static class DuplicateModelCard
{
    public static string Render(DuplicateTrainingResult r, string dataset, string hash, HoldOutMetrics? holdOut, bool embeddings)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"# Duplicate requisition detector — {r.Model.Version}");
        sb.AppendLine();
        sb.AppendLine("**Purpose.** Scores whether a new requisition (or invoice/payment) repeats an earlier one of the same tenant, as a calibrated probability with the fields that matched and the features that drove the score. It is a reviewer aid: a flag creates a recommendation a person accepts or dismisses; it never blocks or rejects on its own.");
        sb.AppendLine();
        sb.AppendLine(inv, $"**Model.** ML.NET {r.Winner.Candidate.Name}, chosen by {r.Candidates.Count}-candidate cross-validated sweep (highest weighted F1 at its best threshold on pooled out-of-fold probabilities). Operating threshold {r.Threshold:0.####}. Features ({PairFeatures.Count}): {string.Join(", ", PairFeatures.Names)}.");
        sb.AppendLine();
        sb.AppendLine(inv, $"**Data.** `{dataset}` (sha256 `{hash}`): {r.Pairs:N0} labelled pairs, {r.Positives:N0} duplicates. Real Oxford City Council payments over £500 (Open Government Licence v3) with injected duplicates (re-keyed references, amounts off by cents/VAT, split quantities, shifted dates, reworded descriptions, supplier-name variants) and natural hard negatives (recurring payments to the same supplier). See datasets/duplicate/README.md. Description embeddings: {(embeddings ? "all-MiniLM-L6-v2, with 30% of pairs scored without them (token trigrams) so both paths are learned" : "none")}.");
        sb.AppendLine();
        sb.AppendLine("## Metrics");
        sb.AppendLine();
        sb.AppendLine("Precision, recall and F1 are weighted by the pairs' sampling weights, i.e. measured on the real mix of candidate pairs (~150 non-duplicates per duplicate), not on the sampled file; AUC and AUPRC are unweighted. End-to-end figures (blocking + model on a whole record set, beside the exact-match and ERP-rule baselines) come from `aigov bench detection`; see docs/detection-duplicates.md.");
        sb.AppendLine();
        sb.AppendLine(inv, $"Cross-validated (winner): AUC {r.Winner.Auc:0.0000}, AUPRC {r.Winner.AucPr:0.0000}, precision {r.Winner.Precision:0.0000}, recall {r.Winner.Recall:0.0000}, F1 {r.Winner.BestF1:0.0000}. Final fit {r.FitSeconds:0.0} s; sweep and fit {r.TotalSeconds:0.0} s.");
        if (holdOut is not null)
            sb.AppendLine(inv, $"\nHeld-out (`{holdOut.Dataset}`, later period, never used for training or the threshold): {holdOut.Pairs:N0} pairs, {holdOut.Positives:N0} duplicates; AUC {holdOut.Auc:0.0000}, precision {holdOut.Precision:0.0000}, recall {holdOut.Recall:0.0000}, F1 {holdOut.F1:0.0000} at the operating threshold.");
        sb.AppendLine();
        sb.AppendLine("## Sweep (every candidate, k-fold CV on the same folds)");
        sb.AppendLine();
        sb.AppendLine("| trainer | hyperparameters | AUC | AUPRC | best F1 | threshold | precision | recall | seconds |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var c in r.Candidates)
            sb.AppendLine(inv, $"| {c.Candidate.Trainer}{(ReferenceEquals(c, r.Winner) ? " (selected)" : "")} | {string.Join(", ", c.Candidate.Hyperparameters.Select(h => $"{h.Key}={h.Value}"))} | {c.Auc:0.0000} | {c.AucPr:0.0000} | {c.BestF1:0.0000} | {c.BestThreshold:0.###} | {c.Precision:0.0000} | {c.Recall:0.0000} | {c.Seconds:0.0} |");
        sb.AppendLine();
        sb.AppendLine("## Limits");
        sb.AppendLine();
        sb.AppendLine("- Labels are injected duplicates, not confirmed real ones; the Oxford data may contain real duplicates that count as negatives here.");
        sb.AppendLine("- Oxford descriptions are expenditure categories, so description similarity is weak evidence in this data; free-text descriptions (abt-buy) are measured separately in the bench.");
        sb.AppendLine("- A duplicate that changes supplier, reference and amount at once is not in the training data and will usually be missed; the blocker only compares records that share a supplier, reference, amount or a near description within its date windows.");
        sb.AppendLine("- Recurring payments of the same amount to the same supplier within days look like duplicates; the reference and date gap separate most of them, not all.");
        sb.AppendLine("- Probabilities are calibrated on the training pair mix (all hard negatives, sampled easy negatives); treat them as a ranking plus a threshold, re-check the threshold on reviewer outcomes when retraining.");
        return sb.ToString();
    }
}
