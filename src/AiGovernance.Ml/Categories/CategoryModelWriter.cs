using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiGovernance.Ml.Categories;

/// <summary>Held-out figures of one method (the model or a baseline) for the card and metrics.json.</summary>
public sealed record CategoryMethodMetrics(string Method, ClassificationMetrics Metrics);

/// <summary>What the card says about the data the model was trained and measured on.</summary>
public sealed record CategoryDataDescription(string Source, string Licence, string Text, string Label, string Split, int TrainRows, int TestRows, int DroppedClasses, int DroppedRows);

/// <summary>Writes a category model directory: model.zip, evidence.json, metrics.json, card.md.</summary>
public static class CategoryModelWriter
{
    public static void Write(string directory, CategoryTrainingResult result, CategoryDataDescription data, IReadOnlyList<CategoryMethodMetrics> holdOut,
        CategorySuggestionOptions options, IReadOnlyList<string> limits)
    {
        result.Model.SaveModel(directory);
        static double R(double v) => double.IsFinite(v) ? Math.Round(v, 4) : 0;
        var model = holdOut[0].Metrics;
        var metrics = new JsonObject
        {
            ["kind"] = "category",
            ["version"] = result.Model.Version,
            ["trainer"] = result.Winner.Candidate.Trainer,
            ["hyperparameters"] = new JsonObject([.. result.Winner.Candidate.Hyperparameters.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]),
            ["embedding_model"] = result.Model.EmbeddingModel,
            // What promotion compares (ModelMetricsReader): classes are unbalanced, so macro-F1, not accuracy.
            ["primary_metric"] = new JsonObject { ["name"] = "macro_f1", ["macro_f1"] = R(model.MacroF1) },
            ["classes"] = new JsonArray([.. result.Model.Classes.Select(c => (JsonNode)c)]),
            ["suggestion_threshold"] = options.Threshold,
            ["given_max_probability"] = options.GivenMaxProbability,
            ["data"] = JsonSerializer.SerializeToNode(data, CategoryModel.Json),
            ["holdout"] = new JsonArray([.. holdOut.Select(h => (JsonNode)new JsonObject
            {
                ["method"] = h.Method, ["rows"] = h.Metrics.Rows, ["accuracy"] = R(h.Metrics.Accuracy), ["macro_f1"] = R(h.Metrics.MacroF1), ["weighted_f1"] = R(h.Metrics.WeightedF1),
            })]),
            ["holdout_per_class"] = new JsonArray([.. model.PerClass.Select(c => (JsonNode)new JsonObject
            {
                ["category"] = c.Category, ["support"] = c.Support, ["predicted"] = c.Predicted, ["precision"] = R(c.Precision), ["recall"] = R(c.Recall), ["f1"] = R(c.F1),
            })]),
            ["training_rows"] = result.Rows,
            ["sweep_rows"] = result.SweepRows,
            ["training_seconds"] = R(result.FitSeconds),
            ["sweep_and_training_seconds"] = R(result.TotalSeconds),
            ["candidates"] = new JsonArray([.. result.Candidates.Select(c => (JsonNode)new JsonObject
            {
                ["trainer"] = c.Candidate.Trainer, ["hyperparameters"] = string.Join(", ", c.Candidate.Hyperparameters.Select(h => $"{h.Key}={h.Value}")),
                ["cv_macro_f1"] = R(c.MacroF1), ["cv_accuracy"] = R(c.Accuracy), ["cv_log_loss"] = R(c.LogLoss), ["cv_seconds"] = R(c.Seconds),
                ["selected"] = ReferenceEquals(c, result.Winner),
            })]),
        };
        File.WriteAllText(Path.Combine(directory, "metrics.json"), metrics.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(directory, "card.md"), Card(result, data, holdOut, options, limits));
    }

    private static string Card(CategoryTrainingResult r, CategoryDataDescription d, IReadOnlyList<CategoryMethodMetrics> holdOut, CategorySuggestionOptions o, IReadOnlyList<string> limits)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"# Category suggestion classifier — {r.Model.Version}");
        sb.AppendLine();
        sb.AppendLine(inv, $"**Intended use.** Proposes a requisition's category from its text and supplier, so a reviewer sees when a category is missing or looks wrong (mis-coding a purchase to a category with a looser approval threshold is a classic evasion). A suggestion is a recommendation with its reasons (how the supplier was coded before, indicative words, the nearest labelled example); it never changes a category or an approval chain by itself. Suggest when none is given and p(top) >= {o.Threshold:0.00}; challenge a given category when p(top) >= {o.Threshold:0.00} and p(given) <= {o.GivenMaxProbability:0.00}. Not for categories outside the {r.Classes} it was trained on: a tenant with its own taxonomy retrains on its own coded history.");
        sb.AppendLine();
        sb.AppendLine(inv, $"**Model.** ML.NET {r.Winner.Candidate.Name} over word 1–2-grams and character 3-grams of the description, words and character 3-grams of the supplier name, and the {(r.Model.EmbeddingModel ?? "(no)")} sentence embedding of \"supplier — description\". Chosen by a {r.Candidates.Count}-candidate cross-validated sweep on {r.SweepRows:N0} training rows (macro-F1 of pooled out-of-fold predictions); fitted on {r.Rows:N0} rows in {r.FitSeconds:0.0} s (sweep and fit {r.TotalSeconds:0.0} s).");
        sb.AppendLine();
        sb.AppendLine(inv, $"**Data.** {d.Source} ({d.Licence}). Text: {d.Text}. Label: {d.Label}. {d.Split}. {d.TrainRows:N0} training rows, {d.TestRows:N0} held-out rows; {d.DroppedClasses} rare categories ({d.DroppedRows:N0} rows) left out.");
        sb.AppendLine();
        sb.AppendLine("## Held-out metrics beside baselines (same rows, same run)");
        sb.AppendLine();
        sb.AppendLine("| method | rows | accuracy | macro-F1 | weighted F1 |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var h in holdOut)
            sb.AppendLine(inv, $"| {h.Method} | {h.Metrics.Rows:N0} | {h.Metrics.Accuracy:0.000} | {h.Metrics.MacroF1:0.000} | {h.Metrics.WeightedF1:0.000} |");
        sb.AppendLine();
        sb.AppendLine("Per-class figures of the model are in metrics.json (`holdout_per_class`); `aigov bench triage --part categories` reproduces the table.");
        sb.AppendLine();
        sb.AppendLine("## Sweep (every candidate, k-fold CV on the same folds)");
        sb.AppendLine();
        sb.AppendLine("| trainer | hyperparameters | CV macro-F1 | CV accuracy | log-loss | seconds |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var c in r.Candidates)
            sb.AppendLine(inv, $"| {c.Candidate.Trainer}{(ReferenceEquals(c, r.Winner) ? " (selected)" : "")} | {string.Join(", ", c.Candidate.Hyperparameters.Select(h => $"{h.Key}={h.Value}"))} | {c.MacroF1:0.000} | {c.Accuracy:0.000} | {c.LogLoss:0.000} | {c.Seconds:0.0} |");
        sb.AppendLine();
        sb.AppendLine("## Known limits");
        sb.AppendLine();
        foreach (var l in limits) sb.AppendLine("- " + l);
        return sb.ToString();
    }
}
