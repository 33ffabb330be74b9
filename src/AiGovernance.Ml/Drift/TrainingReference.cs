using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using AiGovernance.Core.Text;

namespace AiGovernance.Ml.Drift;

/// <summary>
/// What the live traffic is compared with. The score distribution comes from the model's metrics.json
/// (<c>"score_distribution": {"edges": [...], "proportions": [...], "count": n}</c>, written by a trainer that
/// scores its own training data; absent in older versions, and then the score drift says so). The feature
/// statistics are computed from the training CSV and kept in memory per file version.
/// </summary>
public static class TrainingReference
{
    private static readonly ConcurrentDictionary<(string, DateTime, string), ReferenceDistribution> Cache = new();

    public static ReferenceDistribution? Scores(string modelDirectory)
    {
        var file = Path.Combine(modelDirectory, "metrics.json");
        if (!File.Exists(file)) return null;
        if (JsonNode.Parse(File.ReadAllText(file))?["score_distribution"] is not JsonObject d) return null;
        var edges = (d["edges"] as JsonArray)?.Select(n => n!.GetValue<double>()).ToArray();
        var shares = (d["proportions"] as JsonArray)?.Select(n => n!.GetValue<double>()).ToArray();
        if (edges is null || shares is null || shares.Length != edges.Length + 1) return null;
        var count = d["count"] is JsonValue c && c.TryGetValue<long>(out var n) ? n : 0;
        var mean = d["mean"] is JsonValue m && m.TryGetValue<double>(out var mv) ? mv : (double?)null;
        return new ReferenceDistribution(edges, shares, count, mean);
    }

    /// <summary>log10 of the amounts (duplicate: both sides of every pair) or unit prices (price variance) in the training CSV.</summary>
    public static ReferenceDistribution? Feature(string datasetPath, string feature)
    {
        if (!File.Exists(datasetPath)) return null;
        var key = (Path.GetFullPath(datasetPath), File.GetLastWriteTimeUtc(datasetPath), feature);
        return Cache.GetOrAdd(key, _ => PopulationStability.Reference(ReadLog10(datasetPath, FeatureColumns(feature))));
    }

    public static IReadOnlyList<string> FeatureColumns(string feature) => feature switch
    {
        DriftFeatures.AmountLog10 => ["a_amount", "b_amount"],
        DriftFeatures.UnitPriceLog10 => ["unit_price"],
        _ => throw new ArgumentException($"unknown drift feature {feature}", nameof(feature)),
    };

    private static List<double> ReadLog10(string path, IReadOnlyList<string> columns)
    {
        using var reader = new StreamReader(path);
        var values = new List<double>();
        foreach (var row in CsvReader.Read(reader))
            foreach (var column in columns)
                if (double.TryParse(row.Optional(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0)
                    values.Add(Math.Log10(v));
        return values;
    }
}

/// <summary>The feature each kind's drift check watches besides its score, and the live value it is compared with.</summary>
public static class DriftFeatures
{
    public const string AmountLog10 = "amount_log10";
    public const string UnitPriceLog10 = "unit_price_log10";

    public static string For(string kind) => kind == "duplicate" ? AmountLog10 : UnitPriceLog10;
}
