using System.Text.Json.Nodes;
using AiGovernance.Core.Models;

namespace AiGovernance.Ml.Registry;

/// <summary>
/// Reads the challenger-vs-champion comparison from a version's metrics.json, tolerating the shapes the
/// trainers have written over time. The trainer's comparison on one evaluation set is preferred:
/// <code>"comparison": { "primary_metric": "f1", "higher_is_better": true, "challenger": 0.95,
///                 "champion": 0.93, "champion_version": "2026-11-29.2", "recommended_action": "promote" }</code>
/// (<c>challenger</c>/<c>champion</c> may also be objects holding the metric by name or as <c>value</c>).
/// Without it, or when it names another champion than the active one, the champion's own metrics.json is
/// read instead and the result says so.
/// </summary>
public static class ModelMetricsReader
{
    public static MetricComparison Compare(ModelRegistry registry, string kind, string challengerVersion, string? championVersion)
    {
        var challenger = Load(registry, kind, challengerVersion)
            ?? throw new FileNotFoundException($"{kind} version {challengerVersion} has no metrics.json under {registry.Root}");
        var section = challenger["comparison"] as JsonObject ?? challenger;
        var metric = MetricName(section);
        var higherIsBetter = section["higher_is_better"] is JsonValue hb && hb.TryGetValue<bool>(out var h) ? h : !LowerIsBetter(metric);
        // primary_metric may itself carry both values: {"name": "f1", "challenger": 0.95, "champion": 0.93}.
        var pm = section["primary_metric"] as JsonObject;
        var challengerValue = Value(section["challenger"], metric) ?? Number(pm?["challenger"]) ?? OwnMetric(challenger, metric);
        if (championVersion is null) return new(metric, higherIsBetter, challengerValue, null, null, MetricComparison.NoChampion);

        var namedChampion = (section["champion_version"] ?? (section["champion"] as JsonObject)?["version"])?.GetValue<string>();
        var sameSetValue = Value(section["champion"], metric) ?? Number(pm?["champion"]);
        if (sameSetValue is not null && (namedChampion is null || namedChampion == championVersion))
            return new(metric, higherIsBetter, challengerValue, sameSetValue, championVersion, MetricComparison.SameEvaluationSet);

        var champion = Load(registry, kind, championVersion);
        var championValue = champion is null ? null : OwnMetric(champion, metric);
        return new(metric, higherIsBetter, challengerValue, championValue, championVersion, MetricComparison.ChampionOwnMetrics);
    }

    private static JsonObject? Load(ModelRegistry registry, string kind, string version)
    {
        var file = Path.Combine(registry.DirectoryOf(kind, version), "metrics.json");
        return File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) as JsonObject : null;
    }

    private static string MetricName(JsonObject section) => section["primary_metric"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o when o["name"]?.GetValue<string>() is { } s => s,
        _ => DefaultMetric,
    };

    /// <summary>Both detectors flag items for review; F1 on held-out data weighs missed and false flags alike.</summary>
    public const string DefaultMetric = "f1";

    private static bool LowerIsBetter(string metric) =>
        new[] { "rmse", "mae", "error", "loss", "false_positive", "fpr" }.Any(m => metric.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>A number, or an object holding the metric by name, as <c>value</c>, or one level down (e.g. <c>{"holdout": {"f1": …}}</c>).</summary>
    private static double? Value(JsonNode? node, string metric) => node switch
    {
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonObject o => Number(o[metric]) ?? Number(o["value"])
            ?? o.Select(p => p.Value).OfType<JsonObject>().Select(inner => Number(inner[metric])).FirstOrDefault(x => x is not null),
        _ => null,
    };

    /// <summary>A model's own held-out figure, where each trainer has put it.</summary>
    private static double? OwnMetric(JsonObject metrics, string metric)
    {
        if (Value(metrics["primary_metric"], metric) is { } direct) return direct;
        if (Number((metrics["holdout"] as JsonObject)?[metric]) is { } holdout) return holdout; // duplicate trainer
        var slices = (metrics["heldOut"] as JsonObject)?["slices"] as JsonArray;                 // price-variance trainer
        var all = slices?.OfType<JsonObject>().FirstOrDefault(s => s["slice"]?.GetValue<string>() == "all");
        if (Number((all?["detector"] as JsonObject)?[metric]) is { } sliced) return sliced;
        return Number(metrics[metric]);
    }

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
