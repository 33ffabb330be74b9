using System.Globalization;
using System.Text.Json.Nodes;

namespace AiGovernance.Data.DecisionLog;

/// <summary>
/// Compliance exports. Each line carries the stored hashes, so an auditor can re-verify the chain
/// from the export alone (the canonical form is documented in the README).
/// </summary>
public static class DecisionLogExport
{
    public static readonly string[] Formats = ["jsonl", "csv"];

    /// <summary>jsonl (the default) or csv, as the CLI, the API and the workspace page accept it.</summary>
    public static string ParseFormat(string? format)
    {
        var fmt = string.IsNullOrWhiteSpace(format) ? "jsonl" : format.Trim().ToLowerInvariant();
        return Formats.Contains(fmt) ? fmt : throw AiGovernance.Core.ValidationFailedException.Single("format", "must be jsonl or csv");
    }

    public static string ContentType(string format) => format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson";

    public const string CsvHeader = "seq,recorded_at,kind,actor,on_behalf_of,subject_type,subject_id,payload,prev_hash,hash";

    public static async Task<long> WriteAsync(IAsyncEnumerable<DecisionLogEntry> entries, TextWriter w, string format, CancellationToken ct)
    {
        long n = 0;
        if (format == "csv") await w.WriteLineAsync(CsvHeader);
        await foreach (var e in entries.WithCancellation(ct))
        {
            await w.WriteLineAsync(format == "csv" ? ToCsv(e) : ToJsonLine(e));
            n++;
        }
        await w.FlushAsync(ct);
        return n;
    }

    public static string ToJsonLine(DecisionLogEntry e) => new JsonObject
    {
        ["seq"] = e.Seq,
        ["tenant_id"] = e.TenantId.ToString(),
        ["recorded_at"] = DecisionLogEntry.FormatTimestamp(e.RecordedAt),
        ["kind"] = e.Kind,
        ["actor"] = e.Actor,
        ["on_behalf_of"] = e.OnBehalfOf,
        ["subject_type"] = e.SubjectType,
        ["subject_id"] = e.SubjectId,
        ["payload"] = JsonNode.Parse(e.PayloadJson),
        ["prev_hash"] = e.PrevHash,
        ["hash"] = e.Hash,
    }.ToJsonString(Json.Options);

    public static string ToCsv(DecisionLogEntry e) => string.Join(',',
        e.Seq.ToString(CultureInfo.InvariantCulture), DecisionLogEntry.FormatTimestamp(e.RecordedAt), Quote(e.Kind), Quote(e.Actor),
        Quote(e.OnBehalfOf), Quote(e.SubjectType), Quote(e.SubjectId), Quote(CanonicalJson.Canonicalize(e.PayloadJson)), e.PrevHash, e.Hash);

    private static string Quote(string? v) =>
        v is null ? "" : v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
}
