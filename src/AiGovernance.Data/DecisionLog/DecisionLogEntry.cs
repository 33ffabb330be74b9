using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AiGovernance.Data.DecisionLog;

/// <summary>What a caller asks to log. The writer adds sequence, time and hashes.</summary>
public sealed record NewDecisionLogEntry(
    string Kind,
    string Actor,
    string? SubjectType,
    string? SubjectId,
    object Payload,
    string? OnBehalfOf = null);

/// <summary>A stored, hash-chained decision log entry.</summary>
public sealed record DecisionLogEntry(
    long Seq,
    Guid TenantId,
    string Kind,
    string Actor,
    string? OnBehalfOf,
    string? SubjectType,
    string? SubjectId,
    string PayloadJson,
    DateTimeOffset RecordedAt,
    string PrevHash,
    string Hash)
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// The hash links the previous hash, the sequence number and the canonical content:
    /// sha256(prev_hash + "\n" + seq + "\n" + content). The database computes the same in decision_log_append.
    /// </summary>
    public static string ComputeHash(long seq, string prevHash, string canonicalContent) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{prevHash}\n{seq.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{canonicalContent}")));

    /// <summary>Canonical JSON of every field except the sequence and the hashes.</summary>
    public static string CanonicalContent(Guid tenantId, string kind, string actor, string? onBehalfOf,
        string? subjectType, string? subjectId, string payloadJson, DateTimeOffset recordedAt) =>
        CanonicalJson.Canonicalize(new JsonObject
        {
            ["tenant_id"] = tenantId.ToString(),
            ["kind"] = kind,
            ["actor"] = actor,
            ["on_behalf_of"] = onBehalfOf,
            ["subject_type"] = subjectType,
            ["subject_id"] = subjectId,
            ["payload"] = JsonNode.Parse(payloadJson),
            ["recorded_at"] = FormatTimestamp(recordedAt),
        });

    public string ExpectedHash() =>
        ComputeHash(Seq, PrevHash, CanonicalContent(TenantId, Kind, Actor, OnBehalfOf, SubjectType, SubjectId, PayloadJson, RecordedAt));

    /// <summary>PostgreSQL keeps microseconds; the hash uses exactly what is stored.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    public static string FormatTimestamp(DateTimeOffset t) =>
        t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
