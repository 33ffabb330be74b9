using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiGovernance.Ml.Outcomes;

/// <summary>
/// Writes a snapshot directory: train.csv, eval.csv, blind-review.csv, DATASHEET.md and manifest.json.
/// The snapshot hash is the SHA-256 of the lines "&lt;sha256&gt;  &lt;file&gt;\n" of the data files in ordinal name order
/// — exactly <c>sha256sum DATASHEET.md blind-review.csv eval.csv [history.csv] train.csv | sha256sum</c> — so anyone can
/// recheck it with standard tools. Nothing in the files depends on the clock, so the same inputs give the same hash.
/// </summary>
public static class SnapshotWriter
{
    public const string ManifestFile = "manifest.json";
    public const string TrainFile = "train.csv";
    public const string EvalFile = "eval.csv";
    public const string HistoryFile = "history.csv";

    public static JsonObject Write(string directory, OutcomeSnapshot snapshot)
    {
        var files = Files(snapshot);
        Directory.CreateDirectory(directory);
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false));
        var manifest = Manifest(snapshot, files);
        File.WriteAllText(Path.Combine(directory, ManifestFile), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return manifest;
    }

    /// <summary>The data files by name (ordinal order), as written.</summary>
    public static SortedDictionary<string, string> Files(OutcomeSnapshot s)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [TrainFile] = s.TrainCsv,
            [EvalFile] = s.EvalCsv,
            [BlindReviewSample.FileName] = BlindReviewSample.Csv(s.BlindReview),
            [Datasheet.FileName] = Datasheet.Render(s),
        };
        if (s.HistoryCsv is not null) files[HistoryFile] = s.HistoryCsv;
        return files;
    }

    public static string SnapshotHash(IEnumerable<KeyValuePair<string, string>> files) =>
        Sha256(string.Concat(files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{Sha256(f.Value)}  {f.Key}\n")));

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static JsonObject Manifest(OutcomeSnapshot s, IReadOnlyDictionary<string, string> files)
    {
        var all = s.AllRows.ToList();
        return new JsonObject
        {
            ["kind"] = s.Kind,
            ["producer"] = s.Producer,
            ["snapshot_sha256"] = SnapshotHash(files),
            ["files"] = new JsonObject([.. files.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)new JsonObject
            {
                ["sha256"] = Sha256(f.Value),
                ["bytes"] = Encoding.UTF8.GetByteCount(f.Value),
            }))]),
            ["time_range"] = new JsonObject
            {
                ["since"] = Datasheet.Stamp(s.Since),
                ["until"] = Datasheet.Stamp(s.Until),
                ["first_decided_at"] = Datasheet.Stamp(all.Count == 0 ? null : all.Min(r => r.DecidedAt)),
                ["last_decided_at"] = Datasheet.Stamp(all.Count == 0 ? null : all.Max(r => r.DecidedAt)),
                ["split_at"] = Datasheet.Stamp(s.SplitAt),
                ["eval_fraction"] = s.EvalFraction,
            },
            ["tenants_included"] = new JsonArray([.. s.TenantsIncluded.Select(t => (JsonNode?)t)]),
            ["tenants_excluded"] = new JsonArray([.. s.TenantsExcluded.Select(t => (JsonNode?)new JsonObject { ["tenant"] = t.Tenant, ["reason"] = t.Reason })]),
            ["counts"] = new JsonObject
            {
                ["train"] = Counts(s.TrainRows),
                ["eval"] = Counts(s.EvalRows),
                ["blind_review"] = s.BlindReview.Count,
                ["history"] = s.HistoryRows,
                ["skipped"] = s.Skipped.Count,
            },
            ["recommendation_ids"] = new JsonObject
            {
                ["train"] = Ids(s.TrainRows),
                ["eval"] = Ids(s.EvalRows),
                ["skipped"] = new JsonArray([.. s.Skipped.Select(x => (JsonNode?)new JsonObject { ["id"] = x.RecommendationId.ToString(), ["reason"] = x.Reason })]),
            },
        };
    }

    private static JsonObject Counts(IReadOnlyCollection<OutcomeLabel> rows) => new()
    {
        ["rows"] = rows.Count,
        ["recommendations"] = rows.Select(r => r.RecommendationId).Distinct().Count(),
        ["label_1"] = rows.Count(r => r.Label),
        ["label_0"] = rows.Count(r => !r.Label),
    };

    private static JsonArray Ids(IEnumerable<OutcomeLabel> rows) =>
        new([.. rows.Select(r => r.RecommendationId).Distinct().Select(id => (JsonNode?)id.ToString())]);
}
