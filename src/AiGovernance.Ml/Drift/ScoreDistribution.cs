using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiGovernance.Ml.Drift;

/// <summary>
/// The training side of score drift: a model's own scores on its evaluation data, as decile edges and shares,
/// stored in metrics.json under <c>score_distribution</c> (the shape <see cref="TrainingReference.Scores"/> reads).
/// Trainers write it when they train; <c>aigov models describe-scores</c> recomputes it for an existing version.
/// </summary>
public static class ScoreDistribution
{
    public const string Key = "score_distribution";

    /// <param name="source">What was scored, e.g. "eval.csv (4000 pairs)": the reader of the card needs to know.</param>
    public static JsonObject ToJson(IReadOnlyList<double> scores, string source)
    {
        var reference = PopulationStability.Reference(scores);
        return new JsonObject
        {
            ["edges"] = new JsonArray(reference.Edges.Select(e => (JsonNode)Math.Round(e, 6)).ToArray()),
            ["proportions"] = new JsonArray(reference.Proportions.Select(p => (JsonNode)Math.Round(p, 6)).ToArray()),
            ["count"] = reference.Count,
            ["mean"] = reference.Mean is { } m ? Math.Round(m, 6) : null,
            ["source"] = source,
        };
    }

    /// <summary>Sets <c>score_distribution</c> in the version's metrics.json, keeping every other entry as it was.</summary>
    public static void WriteInto(string modelDirectory, IReadOnlyList<double> scores, string source)
    {
        var file = Path.Combine(modelDirectory, "metrics.json");
        var metrics = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? new JsonObject() : new JsonObject();
        metrics[Key] = ToJson(scores, source);
        File.WriteAllText(file, metrics.ToJsonString(Indented) + "\n");
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
