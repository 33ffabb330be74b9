using System.Text.Json.Nodes;

namespace AiGovernance.Ml.Retraining;

/// <summary>
/// A trained challenger beside the active champion on the same held-out later period of one outcome snapshot.
/// </summary>
/// <param name="Manifest">The snapshot's manifest.json (hash, counts, tenants, time range).</param>
/// <param name="BaseDataset">The base training set combined with the snapshot's train.csv (--with-base), or null.</param>
public sealed record ChallengerComparison(
    string Kind,
    string SnapshotDirectory,
    JsonObject Manifest,
    string? BaseDataset,
    string? BaseDatasetSha256,
    int TrainingRows,
    HeldOutMetrics Challenger,
    HeldOutMetrics? Champion)
{
    /// <summary>F1 for both detectors: the duplicate sweep selects on F1 and the price-variance thresholds are calibrated to maximise F1.</summary>
    public const string PrimaryMetric = "f1";

    public string SnapshotSha256 => Manifest["snapshot_sha256"]?.GetValue<string>() ?? "";

    public string Action => RecommendedAction.Decide(Challenger, Champion, m => m.F1);

    public JsonObject Deltas() => Champion is null
        ? new JsonObject()
        : new JsonObject
        {
            ["precision"] = D(Challenger.Precision - Champion.Precision),
            ["recall"] = D(Challenger.Recall - Champion.Recall),
            ["f1"] = D(Challenger.F1 - Champion.F1),
            ["false_positive_rate"] = D(Challenger.FalsePositiveRate - Champion.FalsePositiveRate),
        };

    /// <summary>Adds the comparison to the metrics.json the trainer wrote; the detector's own keys stay as they are.</summary>
    public void WriteInto(string metricsPath)
    {
        var metrics = JsonNode.Parse(File.ReadAllText(metricsPath))?.AsObject() ?? throw new InvalidDataException($"{metricsPath}: not a JSON object");
        metrics["snapshot_sha256"] = SnapshotSha256;
        metrics["recommended_action"] = Action;
        metrics["comparison"] = new JsonObject
        {
            ["eval_set"] = "eval.csv of the snapshot (the later period)",
            ["snapshot"] = new JsonObject
            {
                ["directory"] = Path.GetFileName(Path.TrimEndingDirectorySeparator(SnapshotDirectory)),
                ["sha256"] = SnapshotSha256,
                ["counts"] = Manifest["counts"]?.DeepClone(),
                ["time_range"] = Manifest["time_range"]?.DeepClone(),
                ["tenants_included"] = Manifest["tenants_included"]?.DeepClone(),
            },
            ["base_dataset"] = BaseDataset is null ? null : new JsonObject { ["path"] = BaseDataset, ["sha256"] = BaseDatasetSha256 },
            ["training_rows"] = TrainingRows,
            ["primary_metric"] = PrimaryMetric,
            ["challenger"] = Json(Challenger),
            ["champion"] = Champion is null ? null : Json(Champion),
            ["deltas"] = Deltas(),
            ["recommended_action"] = Action,
        };
        File.WriteAllText(metricsPath, metrics.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonObject Json(HeldOutMetrics m) => new()
    {
        ["version"] = m.Version, ["rows"] = m.Rows, ["positives"] = m.Positives, ["precision"] = m.Precision, ["recall"] = m.Recall,
        ["f1"] = m.F1, ["false_positive_rate"] = m.FalsePositiveRate,
    };

    private static double D(double v) => Math.Round(v, 4);
}
