using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// What a scorer needs besides model.zip, read from metrics.json: the version, the operating threshold,
/// the feature order the model was trained with, and the neutral feature values used to explain scores.
/// </summary>
public sealed record DuplicateModelInfo(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features,
    [property: JsonPropertyName("neutral_values")] IReadOnlyList<float> NeutralValues)
{
    public static DuplicateModelInfo Read(string metricsPath)
    {
        if (!File.Exists(metricsPath)) throw new InvalidDataException($"{metricsPath} is missing: a duplicate model directory needs model.zip and metrics.json");
        DuplicateModelInfo? info;
        try { info = JsonSerializer.Deserialize<DuplicateModelInfo>(File.ReadAllText(metricsPath)); }
        catch (JsonException ex) { throw new InvalidDataException($"{metricsPath} is not valid metrics JSON: {ex.Message}", ex); }
        if (info is null || info.Features is null || info.NeutralValues is null || info.Version is null)
            throw new InvalidDataException($"{metricsPath}: needs version, threshold, features and neutral_values");
        if (!info.Features.SequenceEqual(PairFeatures.Names))
            throw new InvalidDataException($"{metricsPath}: the model was trained with features [{string.Join(", ", info.Features)}], this build computes [{string.Join(", ", PairFeatures.Names)}]; retrain it");
        if (info.NeutralValues.Count != PairFeatures.Count)
            throw new InvalidDataException($"{metricsPath}: neutral_values has {info.NeutralValues.Count} entries, expected {PairFeatures.Count}");
        return info;
    }
}
